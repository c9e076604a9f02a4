// What the search index knows about a paper: its imported fields, its user data and the profiles listing it.
import type { Library } from './library/index.js';
import type { PaperRecord } from './model.js';
import { effectivePaper } from './effective-paper.js';
import type { SearchDoc } from './search/index.js';

export function searchDocFor(library: Library, record: PaperRecord): SearchDoc {
  const data = library.userData(record.id);
  // The user's corrections are searched (a corrected abstract too: read when used, like the imported one).
  const paper = effectivePaper(record, data);
  const editedAbstract = data.edits?.abstract;
  const profiles = library.profilesOfPaper(record.id);
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors,
    orgs: paper.orgs,
    // Read when used, not copied: abstracts load after open and are set on the record in place, so a
    // document made before that (a restored index) sees them once they are there. Missing only if they
    // could not be loaded at all (reported in overview().problems).
    get abstract() {
      return editedAbstract ?? record.abstract ?? '';
    },
    tags: data.tags,
    note: data.note,
    date: paper.date,
    year: paper.year,
    category: paper.category,
    status: data.status,
    profileIds: profiles.map((profile) => profile.id),
    profileNames: profiles.map((profile) => profile.name),
    addedAt: paper.addedAt,
    trashed: data.trashedAt !== undefined,
  };
}
