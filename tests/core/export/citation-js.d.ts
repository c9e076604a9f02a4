// The slice of Citation.js (no bundled types) that the RIS round-trip test uses: RIS text in, CSL items out.
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
  export const plugins: { input: { chain(input: string, options?: { generateGraph?: boolean }): CslItem[] } };
}
declare module '@citation-js/plugin-ris';
