/**
 * Types for the parts of bidi-js (the Unicode bidirectional algorithm, UAX #9) this project uses;
 * the package ships none. Users name it with a triple-slash reference.
 */
interface BidiEmbeddingLevels {
  levels: Uint8Array;
  paragraphs: Array<{ start: number; end: number; level: number }>;
}

interface Bidi {
  getEmbeddingLevels(text: string, explicitDirection?: 'ltr' | 'rtl'): BidiEmbeddingLevels;
  /** the visual order of the string's indices */
  getReorderedIndices(text: string, embeddingLevels: BidiEmbeddingLevels, start?: number, end?: number): number[];
  /** the mirror image of a character (")" for "("), or null */
  getMirroredCharacter(char: string): string | null;
}

declare module 'bidi-js' {
  const bidiFactory: () => Bidi;
  export default bidiFactory;
}
