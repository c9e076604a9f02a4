/** Thrown when pasted text is not a researcher's profile page; the message says what was expected. */
export class NotAProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAProfileError';
  }
}
