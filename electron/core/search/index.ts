// Public surface of the search module: the engine and the query language. DOM- and Electron-free.
export { SearchEngine } from './engine.js';
export type { EngineSnapshot, SavedSearchDefinition, SearchDoc, SearchOutcome, SearchScope } from './engine.js';
export { parseQuery, normalizeTag, STOPWORDS } from './query-parser.js';
export type { FilterKind, ParsedQuery, QueryFilter, QueryTerm, TextClause } from './query-parser.js';
export { savedSearchKey } from './saved-searches.js';
