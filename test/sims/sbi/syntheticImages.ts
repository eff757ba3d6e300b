import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/**
 * Synthetic but real biometric-looking images, deterministic per seed: a whorl-pattern fingerprint,
 * an iris with pupil and texture, a face, and an exception photo (face with palms). They are
 * small so a capture stays fast. The devices send them as JPEG 2000 lossless (`jpeg2000.ts`); the
 * PNG and JPEG encoders here serve the live preview and the faults that send another format.
 */

/** A mono image as 8-bit grey levels, row-major. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** Small deterministic PRNG (mulberry32) so the same profile gives the same person. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fingerprint-like whorl: ridges as a sine of the distance to a core, inside an ellipse. */
export function fingerprintImage(seed: number, width = 160, height = 200): GreyImage {
  const random = seededRandom(seed);
  const cx = width * (0.4 + random() * 0.2);
  const cy = height * (0.4 + random() * 0.2);
  const period = 7 + random() * 2;
  const twist = 0.5 + random();
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x - width / 2) / (width * 0.42);
      const dy = (y - height / 2) / (height * 0.46);
      const inside = dx * dx + dy * dy <= 1;
      const r = Math.hypot(x - cx, (y - cy) * 1.2);
      const angle = Math.atan2(y - cy, x - cx);
      const ridge = Math.sin((2 * Math.PI * r) / period + twist * angle);
      pixels[y * width + x] = inside ? Math.round(128 + 100 * ridge) : 255;
    }
  }
  return { width, height, pixels };
}

/** An eye: bright sclera, textured iris ring, dark pupil, one specular highlight. */
export function irisImage(seed: number, width = 320, height = 240): GreyImage {
  const random = seededRandom(seed);
  const cx = width / 2;
  const cy = height / 2;
  const irisRadius = 90;
  const pupilRadius = 28 + random() * 10;
  const spokes = 40 + Math.floor(random() * 30);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const r = Math.hypot(x - cx, y - cy);
      const angle = Math.atan2(y - cy, x - cx);
      let value = 210;
      if (r < pupilRadius) value = 20;
      else if (r < irisRadius) value = 90 + 40 * Math.sin(angle * spokes + r / 6) * Math.cos(r / 4);
      if (Math.hypot(x - cx + 12, y - cy + 12) < 5) value = 250;
      pixels[y * width + x] = Math.max(0, Math.min(255, Math.round(value)));
    }
  }
  return { width, height, pixels };
}

/** Encodes a grey image as an 8-bit greyscale PNG. */
export function encodeGreyPng(image: GreyImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height, colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
  png.data = Buffer.from(image.pixels);
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
}

/** An RGBA image, 8 bits a sample, row-major (what jpeg-js encodes). */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Buffer;
}

/** A frontal face (RGB JPEG); with `showPalms` the exception photo: face plus two raised palms. */
export function faceJpeg(seed: number, showPalms: boolean, width = 240, height = 320, quality = 85): Buffer {
  const face = faceImage(seed, showPalms, width, height);
  return Buffer.from(jpeg.encode({ data: face.rgba, width, height }, quality).data);
}

/** The face of `faceJpeg` before compression. */
export function faceImage(seed: number, showPalms: boolean, width = 240, height = 320): RgbaImage {
  const random = seededRandom(seed);
  const skin = [180 + random() * 50, 130 + random() * 50, 100 + random() * 40] as const;
  const data = Buffer.alloc(width * height * 4);
  const cx = width / 2;
  const cy = height * 0.42;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let rgb: readonly number[] = [225, 230, 235];
      const fx = (x - cx) / (width * 0.28);
      const fy = (y - cy) / (height * 0.3);
      if (fx * fx + fy * fy <= 1) rgb = skin;
      if (y > height * 0.78 && Math.abs(x - cx) < width * 0.4) rgb = [60, 70, 120];
      const isEye = Math.hypot(x - (cx - width * 0.1), y - cy + height * 0.05) < 7 || Math.hypot(x - (cx + width * 0.1), y - cy + height * 0.05) < 7;
      if (isEye) rgb = [40, 30, 30];
      if (Math.abs(y - (cy + height * 0.14)) < 3 && Math.abs(x - cx) < width * 0.08) rgb = [150, 60, 60];
      const isPalm = showPalms && y > height * 0.45 && y < height * 0.75 && (x < width * 0.16 || x > width * 0.84);
      if (isPalm) rgb = skin;
      const i = (y * width + x) * 4;
      data[i] = rgb[0]!;
      data[i + 1] = rgb[1]!;
      data[i + 2] = rgb[2]!;
      data[i + 3] = 255;
    }
  }
  return { width, height, rgba: data };
}

/** Interleaved RGB samples of an RGBA image (alpha dropped), for the JPEG 2000 encoder. */
export function rgbSamples(image: RgbaImage): Uint8Array {
  const out = new Uint8Array(image.width * image.height * 3);
  for (let i = 0, j = 0; j < out.length; i += 4, j += 3) {
    out[j] = image.rgba[i]!;
    out[j + 1] = image.rgba[i + 1]!;
    out[j + 2] = image.rgba[i + 2]!;
  }
  return out;
}

/** A small grey preview frame (JPEG) for the MJPEG stream. */
export function previewJpeg(image: GreyImage, quality = 60): Buffer {
  const data = Buffer.alloc(image.width * image.height * 4);
  for (let i = 0; i < image.pixels.length; i++) {
    const v = image.pixels[i]!;
    data[i * 4] = v;
    data[i * 4 + 1] = v;
    data[i * 4 + 2] = v;
    data[i * 4 + 3] = 255;
  }
  return Buffer.from(jpeg.encode({ data, width: image.width, height: image.height }, quality).data);
}
