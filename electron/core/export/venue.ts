// What kind of venue a paper appeared in, read from the venue's name (Folio keeps the name, not a type): citation
// formats file a proceedings title and a journal title under different fields.
import type { PaperRecord } from '../model.js';

export const VENUE_KINDS = ['proceedings', 'journal', 'none'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

// Words and acronyms that name a conference or workshop ("Proceedings of …", "NeurIPS 2023", "ICML Workshop on …").
const PROCEEDINGS = /\b(?:proceedings|proc\.|conference|workshop|symposium|congress|neurips|nips|icml|iclr|aaai|ijcai|acl|emnlp|naacl|eacl|coling|cvpr|iccv|eccv|kdd|sigir|sigmod|chi|uai|aistats|colt|corl|interspeech|icassp)\b/i;

/** A proceedings title, a journal (or anything else with a name: "arXiv preprint arXiv:…"), or no venue. */
export function venueKind(paper: Pick<PaperRecord, 'venue'>): VenueKind {
  if (paper.venue === null || paper.venue.trim() === '') return 'none';
  return PROCEEDINGS.test(paper.venue) ? 'proceedings' : 'journal';
}

/** The paper's arXiv abstract page, its DOI's resolver URL: the links exports print beside the identifiers. */
export function arxivUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`;
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}
