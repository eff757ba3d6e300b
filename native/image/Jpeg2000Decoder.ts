/// <reference path="../../types/codecOpenjpeg.d.ts" />
import factory from '@cornerstonejs/codec-openjpeg/decodewasmjs';
import { codestreamOf, readJ2kHeader } from './jpeg2000Header';

/** Decoded 8-bit samples: 1 (grey) or 3 (interleaved RGB) components, row-major. */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  readonly components: 1 | 3;
  readonly samples: Uint8Array;
}

/** Why an image was not decoded: not JPEG 2000, too large, or a shape previews do not show. */
export class Jpeg2000DecodeError extends Error {}

/**
 * How long the compiled module outlives its last use. Its WebAssembly memory grows to fit the
 * largest image decoded (some 50 MB after a day of captures) and WebAssembly memory never shrinks,
 * so a main process that has stopped capturing lets the module go, and the memory with it.
 */
export const JPEG2000_IDLE_RELEASE_MS = 60_000;

/** The loaded module, shared by every decoder made while it is loaded; emptied on release. */
interface Loaded {
  module: OpenJpegDecodeOnlyModule | undefined;
}

let loading: Promise<Loaded> | undefined;
let releaseTimer: NodeJS.Timeout | undefined;

/** (Re)starts the idle countdown: at its end the module is dropped, and decoders made from it refuse. */
function keepLoaded(loaded: Loaded): void {
  clearTimeout(releaseTimer);
  releaseTimer = setTimeout(() => {
    loaded.module = undefined;
    loading = undefined;
    releaseTimer = undefined;
  }, JPEG2000_IDLE_RELEASE_MS);
  // an idle countdown never keeps a process (the CLI, a test) alive
  releaseTimer.unref();
}

async function compile(): Promise<Loaded> {
  // OpenJPEG's [INFO] lines would fill the main process's log; failures surface as exceptions
  return { module: await factory({ print: () => undefined, printErr: () => undefined }) };
}

/**
 * The decode-only OpenJPEG WebAssembly build, compiled on first use and shared while it is used:
 * the main process pays for it only once someone looks at a JPEG 2000 image, and holds it only
 * until JPEG2000_IDLE_RELEASE_MS after the last load or decode. Load one per piece of work (a capture, a
 * summary), not once for the process: a decoder kept past the release refuses to decode.
 */
export async function loadJpeg2000Decoder(): Promise<Jpeg2000Decoder> {
  loading ??= compile();
  try {
    const loaded = await loading;
    keepLoaded(loaded);
    return new Jpeg2000Decoder(loaded, () => keepLoaded(loaded));
  } catch (err) {
    loading = undefined; // a failed compile is retried at the next call rather than cached
    throw err;
  }
}

/** Synchronous JPEG 2000 decoding once the module is loaded; every size is checked from the header first. */
export class Jpeg2000Decoder {
  readonly #loaded: Loaded;
  readonly #used: () => void;

  constructor(loaded: Loaded, used: () => void) {
    this.#loaded = loaded;
    this.#used = used;
  }

  /**
   * Decodes a JP2 file or J2K codestream of at most `maxPixels` pixels, 8-bit grey or RGB.
   * @throws Jpeg2000DecodeError before decoding when the header is missing, too large or another shape;
   *   after, when OpenJPEG fails or returns another size than its header said
   */
  decode(bytes: Buffer, maxPixels: number): DecodedImage {
    const codestream = codestreamOf(bytes);
    const header = codestream ? readJ2kHeader(codestream) : undefined;
    if (!codestream || !header) throw new Jpeg2000DecodeError('not a JPEG 2000 image with a readable main header');
    if (header.width * header.height > maxPixels) throw new Jpeg2000DecodeError(`${header.width}x${header.height} is more than ${maxPixels} pixels`);
    if (header.components !== 1 && header.components !== 3) throw new Jpeg2000DecodeError(`${header.components} components`);
    const module = this.#loaded.module;
    if (module === undefined) throw new Jpeg2000DecodeError('the decoder was released after being idle: load it again');
    this.#used();
    const decoder = new module.J2KDecoder();
    try {
      decoder.getEncodedBuffer(codestream.length).set(codestream);
      decoder.decode();
      const info = decoder.getFrameInfo();
      if (info.width !== header.width || info.height !== header.height || info.componentCount !== header.components || info.bitsPerSample !== 8) {
        throw new Jpeg2000DecodeError(`decoded ${info.width}x${info.height}x${info.componentCount} at ${info.bitsPerSample} bits, header said ${header.width}x${header.height}x${header.components}`);
      }
      // copy out: the buffer is a view of WASM memory that the next decode reuses
      return { width: info.width, height: info.height, components: header.components, samples: Uint8Array.from(decoder.getDecodedBuffer()) };
    } catch (err) {
      if (err instanceof Jpeg2000DecodeError) throw err;
      throw new Jpeg2000DecodeError(`OpenJPEG could not decode the image: ${String(err)}`);
    } finally {
      decoder.delete();
    }
  }
}
