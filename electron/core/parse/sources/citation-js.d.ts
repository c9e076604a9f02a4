// The part of citation-js the BibTeX source uses (the packages ship no types).
declare module '@citation-js/core' {
  interface ChainOptions {
    /** The input format, so citation-js does not guess it. */
    forceType?: string;
    /** The format to stop at. */
    target?: string;
    generateGraph?: boolean;
  }
  export const plugins: {
    input: { chain(input: unknown, options: ChainOptions): unknown };
  };
}
declare module '@citation-js/plugin-bibtex';
