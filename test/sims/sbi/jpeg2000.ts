/// <reference path="../../../types/codecOpenjpeg.d.ts" />
import factory from '@cornerstonejs/codec-openjpeg/wasmjs';

/**
 * JPEG 2000 lossless encoding for the simulated devices, in the JP2 file format MOSIP's devices
 * send: MockMDS's registration ISO records (mosip/mosip-mock-services release-1.2.0.x,
 * `MockMDS/Profile/Default/Registration/*.iso`) hold a JP2 file (signature box `jP  `, `ftyp jp2 `,
 * `jp2h`, `jp2c`), and bio-utils `CommonUtil.convertJPEGToJP2UsingOpenCV` writes `.jp2`. OpenJPEG's
 * WASM build writes a bare codestream, so this module adds the boxes of ISO/IEC 15444-1 Annex I.
 */

let codec: Promise<OpenJpegModule> | undefined;
let loaded: OpenJpegModule | undefined;

/** Loads the encoder once; the simulator awaits it before its first capture. */
export async function loadJpeg2000(): Promise<void> {
  codec ??= factory({ print: () => undefined, printErr: () => undefined });
  loaded = await codec;
}

/** Raw 8-bit samples, 1 (grey) or 3 (interleaved RGB) components, row-major. */
export interface RawImage {
  readonly width: number;
  readonly height: number;
  readonly components: 1 | 3;
  readonly samples: Uint8Array;
}

/**
 * A JPEG 2000 codestream (SOC FF4F, SIZ FF51, …): lossless uses the reversible 5-3 wavelet; lossy
 * (the irreversible 9-7 wavelet, what registration must refuse) exists for the client's tests.
 */
export function encodeJ2k(image: RawImage, lossless = true): Buffer {
  if (!loaded) throw new Error('JPEG 2000 encoder not loaded: await loadJpeg2000() first');
  const encoder = new loaded.J2KEncoder();
  try {
    encoder.getDecodedBuffer({ width: image.width, height: image.height, bitsPerSample: 8, componentCount: image.components, isSigned: false }).set(image.samples);
    // OpenJPEG's quality for lossy is a PSNR-like target; 30 is visibly lossy and small
    encoder.setQuality(lossless, lossless ? 0 : 30);
    encoder.encode();
    return Buffer.from(encoder.getEncodedBuffer());
  } finally {
    encoder.delete();
  }
}

function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

/** The codestream in a JP2 file: signature, file type, header (ihdr + colr), contiguous codestream. */
export function wrapJp2(codestream: Buffer, image: Pick<RawImage, 'width' | 'height' | 'components'>): Buffer {
  const ihdr = Buffer.alloc(14);
  ihdr.writeUInt32BE(image.height, 0);
  ihdr.writeUInt32BE(image.width, 4);
  ihdr.writeUInt16BE(image.components, 8);
  ihdr.writeUInt8(7, 10); // bits per component - 1, unsigned
  ihdr.writeUInt8(7, 11); // compression type: always 7 (JPEG 2000)
  ihdr.writeUInt8(0, 12); // colourspace known
  ihdr.writeUInt8(0, 13); // no intellectual property box
  const colr = Buffer.alloc(7);
  colr.writeUInt8(1, 0); // method: enumerated colourspace
  colr.writeUInt32BE(image.components === 1 ? 17 : 16, 3); // 17 greyscale, 16 sRGB
  const ftyp = Buffer.concat([Buffer.from('jp2 ', 'latin1'), Buffer.alloc(4), Buffer.from('jp2 ', 'latin1')]);
  return Buffer.concat([
    box('jP  ', Buffer.from([0x0d, 0x0a, 0x87, 0x0a])),
    box('ftyp', ftyp),
    box('jp2h', box('ihdr', ihdr), box('colr', colr)),
    box('jp2c', codestream),
  ]);
}

/** Lossless JP2 file of an image, as the registration devices send it. */
export function encodeJp2Lossless(image: RawImage): Buffer {
  return wrapJp2(encodeJ2k(image), image);
}
