/// <reference path="../../types/codecOpenjpeg.d.ts" />
import { createHash } from 'node:crypto';
import factory from '@cornerstonejs/codec-openjpeg/wasmjs';

/** JP2 signature box (ISO/IEC 15444-1 I.5.1), written here rather than taken from the client. */
export const JP2_SIGNATURE = Buffer.from('0000000c6a5020200d0a870a', 'hex');

/** The simulator's seed of the Default profile's body part (simDevices.ts `seedOf`): tests compare against the images it drew. */
export function syntheticSeed(part: string): number {
  return createHash('sha256').update(`Default/${part}`).digest().readUInt32BE(0);
}

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
