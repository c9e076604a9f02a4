import { NotThisSourceError } from './sources/types.js';

/**
 * Thrown when pasted text is not a researcher's profile page; the message says what was expected. A refusal of the
 * profile-page source like any other source's (the registry then tries the next most likely source).
 */
export class NotAProfileError extends NotThisSourceError {
  override name = 'NotAProfileError';
}
