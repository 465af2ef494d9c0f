/**
 * Tiny, valid attachment files made from scratch, so the demo needs no binary fixtures and
 * stays byte-identical across machines: a one-page PDF with a few lines of text, a small PNG
 * (uncompressed "stored" deflate blocks, so no zlib version can change the bytes) and CSV.
 */

/** Escapes text for a PDF literal string (ISO 32000-1 §7.3.4.2); keeps to Latin-1. */
function pdfString(text: string): string {
  const latin = text.replace(/[—–]/g, '-').replace(/[^\x20-\x7e£]/g, '?');
  return '(' + latin.replace(/[\\()]/g, (c) => '\\' + c).replace(/£/g, '\\243') + ')';
}

/** A one-page A4 PDF showing `title` and `lines` in Helvetica, a few hundred bytes long. */
export function makePdf(title: string, lines: readonly string[]): Buffer {
  const ops: string[] = ['BT', '/F1 16 Tf', '56 780 Td', pdfString(title) + ' Tj', '/F1 10 Tf'];
  lines.forEach((line, index) => ops.push((index === 0 ? '0 -28' : '0 -15') + ' Td', pdfString(line) + ' Tj'));
  ops.push('ET');
  const stream = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += String(offset).padStart(10, '0') + ' 00000 n \n';
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Buffer): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A zlib stream of stored (uncompressed) deflate blocks, RFC 1950/1951. */
function zlibStored(raw: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x78, 0x01])];
  for (let at = 0; at < raw.length || at === 0; at += 65535) {
    const block = raw.subarray(at, at + 65535);
    const header = Buffer.alloc(5);
    header[0] = at + 65535 >= raw.length ? 1 : 0;
    header.writeUInt16LE(block.length, 1);
    header.writeUInt16LE(~block.length & 0xffff, 3);
    parts.push(header, block);
    if (raw.length === 0) break;
  }
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(adler32(raw));
  parts.push(checksum);
  return Buffer.concat(parts);
}

/** RGB colour, 0-255 per channel. */
export type Rgb = readonly [number, number, number];

/** A small RGB PNG; `paint(x, y)` gives each pixel's colour. Keep it small: it is stored uncompressed. */
export function makePng(width: number, height: number, paint: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let at = 0;
  for (let y = 0; y < height; y++) {
    raw[at++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      raw[at++] = r;
      raw[at++] = g;
      raw[at++] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlibStored(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A "photo" of a frame or wheel with a dark crack across it, in the colours given. */
export function makeDamagePhoto(frame: Rgb, background: Rgb, seed: number): Buffer {
  const tilt = (seed % 7) - 3;
  return makePng(40, 28, (x, y) => {
    const inTube = Math.abs(y - 14 - Math.round(((x - 20) * tilt) / 10)) < 5;
    const onCrack = inTube && Math.abs(x - 18 - (seed % 9) + Math.round(y / 3)) < 1;
    if (onCrack) return [30, 30, 30];
    return inTube ? frame : background;
  });
}

/** The shop's logo: a blue roundel with a white wave, for the HTML signatures and newsletters. */
export function makeLogo(): Buffer {
  return makePng(32, 32, (x, y) => {
    const dx = x - 15.5;
    const dy = y - 15.5;
    if (dx * dx + dy * dy > 240) return [255, 255, 255];
    const wave = 17 + Math.round(3 * Math.sin(x / 3));
    return Math.abs(y - wave) < 2 ? [255, 255, 255] : [22, 86, 140];
  });
}

/** Quotes a CSV field when it needs it (RFC 4180). */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/** CSV text with CRLF line ends, RFC 4180. */
export function makeCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
