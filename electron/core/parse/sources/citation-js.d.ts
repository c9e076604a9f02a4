// The part of citation-js the BibTeX source uses (the packages ship no types).
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      /** One parsing step of a registered format: '@biblatex/text' → raw entries, '@biblatex/entries+list' → CSL. */
      data(input: unknown, type: string): unknown;
      chain(input: unknown, options: { forceType?: string; target?: string; generateGraph?: boolean }): unknown;
    };
  };
}
declare module '@citation-js/plugin-bibtex';
