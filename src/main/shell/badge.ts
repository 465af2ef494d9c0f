/** A raw BGRA bitmap, as `nativeImage.createFromBitmap` takes it. */
export interface Bitmap {
  width: number;
  height: number;
  data: Buffer;
}

/** 3×5 pixel glyphs: digits and "+", one string of five rows of three bits each. */
const GLYPHS: Record<string, string> = {
  '0': '111101101101111',
  '1': '010110010010111',
  '2': '111001111100111',
  '3': '111001111001111',
  '4': '101101111001001',
  '5': '111100111001111',
  '6': '111100111101111',
  '7': '111001001001001',
  '8': '111101111101111',
  '9': '111101111001111',
  '+': '000010111010000',
};

/** The text a badge shows: the count, or "9+" above nine. Empty for zero. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 9 ? '9+' : String(Math.floor(count));
}

/**
 * A 16×16 red disc with the count in white, drawn without a graphics library: the Windows
 * taskbar overlay icon (Windows has no numeric badge API for desktop apps).
 */
export function badgeBitmap(count: number, size = 16): Bitmap {
  const data = Buffer.alloc(size * size * 4);
  const put = (x: number, y: number, [b, g, r]: [number, number, number]): void => {
    if (x < 0 || y < 0 || x >= size || y >= size) return;
    const i = (y * size + x) * 4;
    data[i] = b;
    data[i + 1] = g;
    data[i + 2] = r;
    data[i + 3] = 255;
  };
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) if ((x - c) ** 2 + (y - c) ** 2 <= (size / 2) ** 2) put(x, y, [0x25, 0x30, 0xd9]);
  const text = badgeText(count);
  const scale = text.length === 1 ? 2 : 1;
  const width = text.length * 3 * scale + (text.length - 1) * scale;
  const left = Math.round((size - width) / 2);
  const top = Math.round((size - 5 * scale) / 2);
  [...text].forEach((ch, n) => {
    const glyph = GLYPHS[ch] ?? '';
    for (let bit = 0; bit < glyph.length; bit++) {
      if (glyph[bit] !== '1') continue;
      const gx = left + n * 4 * scale + (bit % 3) * scale;
      const gy = top + Math.floor(bit / 3) * scale;
      for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) put(gx + dx, gy + dy, [255, 255, 255]);
    }
  });
  return { width: size, height: size, data };
}
