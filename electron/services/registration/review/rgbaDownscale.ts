/** Decoded pixels, 4 bytes (RGBA) per pixel. */
export interface Rgba { readonly width: number; readonly height: number; readonly data: Uint8Array }

/**
 * Area-average downscale, flattening transparency onto white: averaging (rather than picking
 * pixels) keeps thin strokes of printed text visible at lower resolution.
 */
export function downscale(src: Rgba, maxSide: number): Rgba {
  const scale = Math.min(1, maxSide / Math.max(src.width, src.height));
  const width = Math.max(1, Math.round(src.width * scale));
  const height = Math.max(1, Math.round(src.height * scale));
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y / scale);
    const y1 = Math.min(src.height, Math.max(y0 + 1, Math.floor((y + 1) / scale)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x / scale);
      const x1 = Math.min(src.width, Math.max(x0 + 1, Math.floor((x + 1) / scale)));
      const sum = [0, 0, 0];
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * src.width + sx) * 4;
          const alpha = src.data[i + 3]! / 255;
          for (let c = 0; c < 3; c++) sum[c]! += src.data[i + c]! * alpha + 255 * (1 - alpha);
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) out[o + c] = Math.round(sum[c]! / n);
      out[o + 3] = 255;
    }
  }
  return { width, height, data: out };
}
