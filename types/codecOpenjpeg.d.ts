/**
 * Types for the parts of @cornerstonejs/codec-openjpeg (OpenJPEG in WebAssembly) this project
 * uses; the package ships none. Outside the layers (each user names it with a triple-slash
 * reference), so the device simulator and the client share no code through it.
 */
interface OpenJpegFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
}

interface OpenJpegDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  getDecodedBuffer(): Uint8Array;
  readHeader(): void;
  decode(): void;
  getFrameInfo(): OpenJpegFrameInfo;
  getIsReversible(): boolean;
  delete(): void;
}

interface OpenJpegEncoder {
  getDecodedBuffer(frameInfo: OpenJpegFrameInfo): Uint8Array;
  getEncodedBuffer(): Uint8Array;
  setQuality(lossless: boolean, quality: number): void;
  encode(): void;
  delete(): void;
}

interface OpenJpegModule {
  J2KDecoder: new () => OpenJpegDecoder;
  J2KEncoder: new () => OpenJpegEncoder;
}

interface OpenJpegDecodeOnlyModule {
  J2KDecoder: new () => OpenJpegDecoder;
}

/** Emscripten module options: OpenJPEG logs every decode to `print` (stdout) unless it is replaced. */
interface OpenJpegModuleOptions {
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

declare module '@cornerstonejs/codec-openjpeg/wasmjs' {
  const factory: (options?: OpenJpegModuleOptions) => Promise<OpenJpegModule>;
  export default factory;
}

declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  const factory: (options?: OpenJpegModuleOptions) => Promise<OpenJpegDecodeOnlyModule>;
  export default factory;
}
