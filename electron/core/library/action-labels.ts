// What an undoable action is called, in the two forms the app says it: the imperative the undo stack and the Edit menu
// show ("Move 2 papers to the Trash", "Undo Move 2 papers…") and the past tense a report of it gives ("Moved 2 papers to
// the Trash"). Both come from one table of verbs, so each action's wording is written once.
export const ACTION_VERBS = {
  Assign: 'Assigned',
  Change: 'Changed',
  Delete: 'Deleted',
  Edit: 'Edited',
  Empty: 'Emptied',
  Mark: 'Marked',
  Merge: 'Merged',
  Move: 'Moved',
  Remove: 'Removed',
  Rename: 'Renamed',
  Restore: 'Restored',
  Save: 'Saved',
  Tag: 'Tagged',
} as const;

export type ActionVerb = keyof typeof ACTION_VERBS;

/** An action's wording: its verb and what follows it ("Move" + "2 papers to the Trash"). */
export interface ActionWording {
  verb: ActionVerb;
  rest: string;
}

export const wording = (verb: ActionVerb, rest: string): ActionWording => ({ verb, rest });

/** "Move 2 papers to the Trash": what undo will take back. */
export const imperative = ({ verb, rest }: ActionWording): string => `${verb} ${rest}`;

/** "Moved 2 papers to the Trash": what was done. */
export const pastTense = ({ verb, rest }: ActionWording): string => `${ACTION_VERBS[verb]} ${rest}`;
