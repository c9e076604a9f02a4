// The finished index as plain arrays (what index-file.ts writes), and an index's parts made back from them in
// O(terms), not O(postings): the typed arrays are used as they are.
import { Dictionary, type DictionaryArrays } from './dictionary.js';
import { Postings, type PostingsArrays } from './postings.js';
import { SlotTable } from './slot-table.js';
import { Vocabulary, type VocabularyArrays } from './vocabulary.js';

/** Everything a finished TextIndex is, as arrays (see TextIndex.snapshot / restore, and index-file.ts). */
export interface TextIndexSnapshot extends VocabularyArrays, PostingsArrays, DictionaryArrays {
  /** Term ids created since the dictionary was last sorted, ascending: the ids from sortedIds.length on. */
  unsortedIds: Int32Array;
  slotCount: number;
}

/** What a TextIndex is made of. */
export interface IndexParts {
  vocabulary: Vocabulary;
  dictionary: Dictionary;
  postings: Postings;
  slots: SlotTable;
}

export function snapshotOf({ vocabulary, dictionary, postings, slots }: IndexParts): TextIndexSnapshot {
  const unsortedIds = new Int32Array(vocabulary.size - dictionary.sortedCount);
  for (let i = 0; i < unsortedIds.length; i++) unsortedIds[i] = dictionary.sortedCount + i;
  return { ...vocabulary.arrays(), ...postings.arrays(), ...dictionary.arrays(), unsortedIds, slotCount: slots.count };
}

/** The parts of a snapshot's index, `slotNum` saying which document each slot now holds (-1: dead). */
export function partsOf(snapshot: TextIndexSnapshot, slotNum: Int32Array): IndexParts {
  const nTerms = snapshot.terms.length;
  if (slotNum.length < snapshot.slotCount) throw new RangeError('slotNum must cover every slot of the snapshot.');
  const sortedCount = snapshot.sortedIds.length;
  const consistent =
    snapshot.termHash.length === nTerms &&
    snapshot.table.length >= nTerms * 2 &&
    snapshot.offsets.length === snapshot.blockTerms + 1 &&
    sortedCount + snapshot.unsortedIds.length === nTerms &&
    snapshot.unsortedIds.every((id, i) => id === sortedCount + i);
  if (!consistent) throw new RangeError('Inconsistent search index snapshot.');
  const vocabulary = new Vocabulary({ terms: snapshot.terms, termHash: snapshot.termHash, table: snapshot.table });
  return {
    vocabulary,
    dictionary: Dictionary.restore(vocabulary, snapshot),
    postings: Postings.restore(snapshot),
    slots: new SlotTable(slotNum, snapshot.slotCount),
  };
}
