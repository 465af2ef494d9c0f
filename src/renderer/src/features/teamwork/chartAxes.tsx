import type { XAxisTickContentProps } from 'recharts';

/** Axis text size in px: small, but the muted colour keeps 4.5:1 on the page in both themes. */
export const AXIS_FONT = 11;

/** About how wide one character of axis text is, as a share of the font size. */
const CHAR_WIDTH = 0.62;

/** A label as lines of whole words, each at most about `width` characters ("over 4 weeks" → "over 4", "weeks"). */
export function labelLines(label: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * A category tick that wraps its words under the bar instead of being dropped, so every bar
 * is named (recharts hides ticks that would overlap).
 */
export function WrappedTick(
  props: Partial<Pick<XAxisTickContentProps, 'x' | 'y' | 'payload' | 'width' | 'visibleTicksCount'>>,
) {
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  // Each bar's share of the axis, in characters: the words wrap to fit under their own bar.
  const band = Number(props.width ?? 0) / Math.max(1, props.visibleTicksCount ?? 1);
  const lines = labelLines(
    String(props.payload?.value ?? ''),
    Math.max(4, Math.floor(band / (AXIS_FONT * CHAR_WIDTH))),
  );
  return (
    <text x={x} y={y} textAnchor="middle" fill="var(--muted)" fontSize={AXIS_FONT}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? '0.9em' : '1.1em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** An axis title under the ticks of an X axis. */
export function xTitle(value: string) {
  return { value, position: 'insideBottom' as const, offset: 0, fill: 'var(--muted)', fontSize: AXIS_FONT };
}

/** An axis title along a Y axis, read bottom to top. */
export function yTitle(value: string) {
  return {
    value,
    angle: -90,
    position: 'insideLeft' as const,
    style: { textAnchor: 'middle' as const },
    fill: 'var(--muted)',
    fontSize: AXIS_FONT,
  };
}
