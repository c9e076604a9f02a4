// The part of citation-js Folio uses (the packages ship no types): the BibTeX source's parsing steps, and the
// RIS reader the export round-trip test reads Folio's RIS back with.
declare module '@citation-js/core' {
  export interface CslName {
    literal?: string;
    family?: string;
    given?: string;
  }
  export interface CslItem {
    title?: string;
    author?: CslName[];
    abstract?: string;
    keyword?: string;
    note?: string;
    issued?: { 'date-parts': number[][] };
  }
  export const plugins: {
    input: {
      /** One parsing step of a registered format: '@biblatex/text' → raw entries, '@biblatex/entries+list' → CSL. */
      data(input: unknown, type: string): unknown;
      /** Every step from text to CSL items. Loops forever on BibTeX text without entries: the source uses data(). */
      chain(input: unknown, options?: { forceType?: string; target?: string; generateGraph?: boolean }): unknown;
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
