// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeMessageHtml } from '../../../src/renderer/src/html/sanitize';
import { buildSrcdoc, FRAME_SANDBOX, messageCsp } from '../../../src/renderer/src/html/frame';

const blocked = { allowRemoteImages: false };

describe('sanitizeMessageHtml', () => {
  it('strips scripts, event handlers and javascript: URLs in every spelling', () => {
    const { html } = sanitizeMessageHtml(
      `<script>alert(1)</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">a</a>
       <a href="JaVaScRiPt:alert(1)">b</a><a href="&#106;avascript:alert(1)">c</a><a href=" javascript:x">d</a>
       <div onclick="x()" onmouseover="y()">e</div><a href="data:text/html,<script>1</script>">f</a>`,
      blocked,
    );
    expect(html).not.toMatch(/<script|onerror|onclick|onmouseover|javascript:|data:text/i);
    expect(html).toContain('>a</a>');
  });

  it('drops SVG, MathML, forms, frames, meta refresh, base and link elements', () => {
    const { html } = sanitizeMessageHtml(
      `<svg onload="x()"><script>1</script></svg><math><mtext>m</mtext></math><form action="http://e.example"><input></form>
       <iframe srcdoc="<script>1</script>"></iframe><meta http-equiv="refresh" content="0;url=http://e.example">
       <base href="http://e.example/"><link rel="stylesheet" href="http://e.example/x.css"><object data="x"></object>`,
      blocked,
    );
    expect(html).not.toMatch(/<(svg|math|form|input|iframe|meta|base|link|object)\b/i);
  });

  it('survives the mutation-XSS shapes (noscript, style in svg, nested tags)', () => {
    const payloads = [
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<svg><style><img src=x onerror=alert(1)></style></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
      '<<script>script>alert(1)<</script>/script>',
    ];
    for (const p of payloads) {
      const { html } = sanitizeMessageHtml(p, blocked);
      // Re-parsing the output must not produce a handler (the mXSS test).
      const doc = new DOMParser().parseFromString(html, 'text/html');
      expect(doc.querySelectorAll('script, [onerror], svg, math').length).toBe(0);
    }
  });

  it('holds back remote images and CSS backgrounds until allowed, and always drops pixels', () => {
    const dirty = `<img src="https://img.example/a.png"><img src="http://t.example/p.gif" width="1" height="1">
      <div style="background:url(https://img.example/bg.png)">x</div><style>@import url(http://e.example/a.css); p{background:url('http://img.example/p.png')}</style>`;
    const off = sanitizeMessageHtml(dirty, blocked);
    expect(off.blockedImages).toBe(3);
    expect(off.trackingPixels).toBe(1);
    expect(off.html).not.toMatch(/img\.example|t\.example|@import/);
    expect(off.html).toContain('data-blocked');
    const on = sanitizeMessageHtml(dirty, { allowRemoteImages: true });
    expect(on.blockedImages).toBe(0);
    expect(on.html).toContain('https://img.example/a.png');
    expect(on.html).toContain('url(https://img.example/bg.png)');
    expect(on.html).not.toMatch(/t\.example|@import/);
  });

  it('keeps http/https/mailto links, opens them outside, and shows a disguised target', () => {
    const { html } = sanitizeMessageHtml(
      '<a href="https://evil.example/x">www.mybank.example</a><a href="mailto:a@b.example">mail</a><a href="file:///etc/passwd">f</a>',
      blocked,
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const [evil, mail, file] = [...doc.querySelectorAll('a')];
    expect(evil?.getAttribute('target')).toBe('_blank');
    expect(evil?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(evil?.getAttribute('title')).toBe('https://evil.example/x');
    expect(evil?.textContent).toContain('[goes to evil.example]');
    expect(mail?.getAttribute('href')).toBe('mailto:a@b.example');
    expect(file?.hasAttribute('href')).toBe(false);
  });

  it('resolves cid: images from inline parts and drops unknown ones', () => {
    const { html } = sanitizeMessageHtml('<img src="cid:logo@x"><img src="cid:missing@x">', {
      allowRemoteImages: false,
      inlineImages: { 'logo@x': 'data:image/png;base64,AAAA' },
    });
    expect(html).toContain('src="data:image/png;base64,AAAA"');
    expect(html.match(/src=/g)?.length).toBe(1);
  });
});

describe('the message frame', () => {
  it('puts a strict CSP first and never allows scripts or same-origin', () => {
    const doc = buildSrcdoc('<p>x</p>', false);
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<p>x</p>'));
    expect(messageCsp(false)).toContain("default-src 'none'");
    expect(messageCsp(false)).toContain('img-src data:;');
    expect(messageCsp(true)).toContain('img-src data: https: http:');
    expect(messageCsp(true)).toContain("script-src 'none'");
    expect(FRAME_SANDBOX).not.toMatch(/allow-scripts|allow-same-origin|allow-top-navigation|allow-forms/);
  });
});
