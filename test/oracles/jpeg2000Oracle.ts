/// <reference path="../../types/codecOpenjpeg.d.ts" />
import factory from '@cornerstonejs/codec-openjpeg/wasmjs';

/**
 * Decodes a JP2 file or J2K codestream with OpenJPEG as is, for tests that judge the simulator or
 * the client: no client code (no box walking, no size checks) between the bytes and the decoder.
 */
let codec: Promise<OpenJpegModule> | undefined;

export interface OracleImage {
  readonly width: number;
  readonly height: number;
  readonly components: number;
  readonly reversible: boolean;
  readonly samples: Buffer;
}

export async function decodeJpeg2000(bytes: Uint8Array): Promise<OracleImage> {
  codec ??= factory({ print: () => undefined, printErr: () => undefined });
  const decoder = new (await codec).J2KDecoder();
  try {
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    decoder.decode();
    const info = decoder.getFrameInfo();
    return { width: info.width, height: info.height, components: info.componentCount, reversible: decoder.getIsReversible(), samples: Buffer.from(decoder.getDecodedBuffer()) };
  } finally {
    decoder.delete();
  }
}
