// How tag names are written and compared: one line, bounded, case-insensitive identity.
import { TagError } from './errors.js';
import { singleLine } from '../text.js';

/** Longest tag name, in characters (code points), after normalizeTagName (the IPC schema also bounds the raw text). */
export const MAX_TAG_LENGTH = 100;

/**
 * The name a tag is stored and looked up under, for every caller (IPC, CLI, tests): one line (singleLine: line
 * breaks, tabs and other whitespace runs one space, control and format characters removed, trimmed, NFC), so a tag
 * can never break text output or inject lines into an export. Throws TagError when nothing is left or it is too long.
 */
export function normalizeTagName(raw: string): string {
  const name = singleLine(raw);
  if (name === '') {
    throw new TagError(raw.trim() === '' ? 'A tag name cannot be empty.' : `The tag ${JSON.stringify(raw)} has only invisible characters.`);
  }
  const length = [...name].length;
  if (length > MAX_TAG_LENGTH) throw new TagError(`A tag name can have at most ${MAX_TAG_LENGTH} characters; this one has ${length}.`);
  return name;
}

// Anything singleLine would change besides NFC: most names have none, and fold runs over every tagged paper.
const IRREGULAR_SPACING = /[^\S ]|[\p{Cc}\p{Cf}]| {2}|^ | $/u;

/**
 * Case-insensitive identity of a tag. Stored names are normalised too, so a tag an older Folio stored with a line
 * break ("a\nb") is found, renamed and deleted by its one-line name ("a b").
 */
export const foldTagName = (name: string): string => (IRREGULAR_SPACING.test(name) ? singleLine(name) : name.normalize('NFC')).toLowerCase();

