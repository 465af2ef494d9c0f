import type { Page } from 'playwright-core';
import { loadAxe } from './screens';

/** What the contrast check measured on one screen. */
export interface ContrastCheck {
  /** Text axe left for review ("incomplete"), measured here instead. */
  reviewed: number;
  /** Text axe measured itself, measured here too to show both agree. */
  compared: number;
  /** Reviewed text below its WCAG minimum, or whose colours could not be worked out. */
  failures: string[];
  /** The reviewed text closest to its minimum, if any. */
  closest: { ratio: number; minimum: number; where: string } | null;
  /** Text where this measure and axe's differ by more than 0.1. */
  disagreements: string[];
}

/**
 * Measures the contrast of every text axe-core could not judge itself: rows of the thread list
 * outside the scroll port ("partially obscured"), the charts' SVG text ("contains an image node"),
 * single characters ("content too short"). Text colour and background come from the computed
 * styles of the element and its ancestors, painted in order with their opacity (SVG text uses its
 * fill), and the WCAG 2 ratio must reach 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold).
 * A background image anywhere behind the text, or a colour that is not rgb(), is a failure: the
 * text is then not proven. The same measure runs on the text axe did judge, and both must agree,
 * so this measure is known to be axe's. Loads axe-core into the page if it is not there.
 */
export async function contrastCheck(page: Page): Promise<ContrastCheck> {
  await loadAxe(page);
  return page.evaluate(async () => {
    interface AxeNode {
      target: unknown[];
      any: Array<{ id: string; data?: { contrastRatio?: number; messageKey?: string } | null }>;
    }
    interface AxeRule {
      nodes: AxeNode[];
    }
    type Axe = {
      run(
        context: Document,
        options: object,
      ): Promise<{ incomplete: AxeRule[]; passes: AxeRule[]; violations: AxeRule[] }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'rule', values: ['color-contrast'] },
      resultTypes: ['incomplete', 'passes', 'violations'],
    });
    type Rgba = { r: number; g: number; b: number; a: number };
    const parse = (css: string): Rgba | null => {
      const parts =
        /^rgba?\(([^)]*)\)$/
          .exec(css.trim())?.[1]
          ?.split(/[\s,/]+/)
          .filter(Boolean)
          .map(Number) ?? [];
      const [r, g, b, a = 1] = parts;
      if (r === undefined || g === undefined || b === undefined || [r, g, b, a].some(Number.isNaN)) return null;
      return { r, g, b, a };
    };
    /** `top` painted over `bottom` (source-over). */
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top.a + bottom.a * (1 - top.a);
      if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
      const mix = (t: number, b: number) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
      return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
    };
    const withAlpha = (c: Rgba, alpha: number): Rgba => ({ ...c, a: c.a * alpha });
    const luminance = (c: Rgba) => {
      const lin = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
    };
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;

    /** One element between the page and the text: its background and its opacity. */
    type Layer = { el: Element; style: CSSStyleDeclaration; bg: Rgba | null };
    /** `layers` (outermost first) and then the text, painted over `below`: each is a group blended with its opacity. */
    const paint = (layers: Layer[], below: Rgba, text: Rgba | null): Rgba => {
      const [layer, ...inner] = layers;
      if (!layer) return text ? over(text, below) : below;
      const inside = paint(inner, layer.bg ? over(layer.bg, below) : below, text);
      const o = Number(layer.style.opacity);
      return o >= 1 ? inside : over(withAlpha(inside, o), below);
    };

    /** The contrast ratio of `el`'s own text, or why it cannot be known. */
    const measure = (el: Element): { ratio: number; minimum: number } | string => {
      const layers: Layer[] = [];
      for (let n: Element | null = el; n; n = n.parentElement) {
        const style = getComputedStyle(n);
        layers.unshift({ el: n, style, bg: parse(style.backgroundColor) });
      }
      const own = getComputedStyle(el);
      const svg = el instanceof SVGElement;
      const fg = parse(svg ? own.fill : own.color);
      if (!fg) return `text colour ${svg ? own.fill : own.color} is not a colour`;
      const unknown = layers.find((l) => !l.bg);
      if (unknown) return `background ${unknown.style.backgroundColor} of ${describe(unknown.el)} is not a colour`;
      const lastOpaque = layers.findLastIndex((l) => (l.bg?.a ?? 0) >= 1);
      if (lastOpaque < 0) return 'nothing opaque behind it';
      const image = layers.find((l, i) => i >= lastOpaque && l.style.backgroundImage !== 'none');
      if (image) return `background image on ${describe(image.el)}`;
      const text = svg ? withAlpha(fg, Number(own.fillOpacity)) : fg;
      const canvas = { r: 255, g: 255, b: 255, a: 1 };
      const [l1, l2] = [luminance(paint(layers, canvas, text)), luminance(paint(layers, canvas, null))];
      const size = parseFloat(own.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(own.fontWeight) >= 700);
      return { ratio: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05), minimum: large ? 3 : 4.5 };
    };
    const element = (node: AxeNode) => document.querySelector(String(node.target[0]));

    const failures: string[] = [];
    const disagreements: string[] = [];
    const reviewed = result.incomplete.flatMap((r) => r.nodes);
    let closest: { ratio: number; minimum: number; where: string } | null = null;
    for (const node of reviewed) {
      const el = element(node);
      const m = el ? measure(el) : 'not found again';
      const where = `${node.target.join(' ')} "${(el?.textContent ?? '').trim().slice(0, 30)}"`;
      if (typeof m === 'string') failures.push(`${where}: ${m}`);
      else if (m.ratio < m.minimum) failures.push(`${where}: ${m.ratio.toFixed(2)}:1, needs ${m.minimum}:1`);
      if (typeof m !== 'string' && (!closest || m.ratio / m.minimum < closest.ratio / closest.minimum))
        closest = { ...m, where };
      // A single character axe did measure (and found low) must measure the same here.
      const axeRatio = node.any[0]?.data?.contrastRatio;
      if (typeof m !== 'string' && typeof axeRatio === 'number' && axeRatio > 0 && Math.abs(m.ratio - axeRatio) > 0.1)
        disagreements.push(`${where}: axe ${axeRatio}, here ${m.ratio.toFixed(2)}`);
    }
    const judged = [...result.passes, ...result.violations].flatMap((r) => r.nodes);
    for (const node of judged) {
      const axeRatio = node.any[0]?.data?.contrastRatio;
      const el = element(node);
      if (!el || typeof axeRatio !== 'number' || axeRatio === 0) continue;
      const m = measure(el);
      const ours = typeof m === 'string' ? m : m.ratio.toFixed(2);
      if (typeof m === 'string' || Math.abs(m.ratio - axeRatio) > 0.1)
        disagreements.push(`${node.target.join(' ')}: axe ${axeRatio}, here ${ours}`);
    }
    return { reviewed: reviewed.length, compared: judged.length, failures, closest, disagreements };
  });
}
