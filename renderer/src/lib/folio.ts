// The one place that reaches for window.folio, so every hook talks to the same typed object.
import type { FolioBridge } from '../folio.js';
import { errorMessage as coreErrorMessage } from '../../../electron/core/library/errors.js';

export function getFolio(): FolioBridge {
  const api = window.folio;
  if (!api) throw new Error('The Folio bridge (window.folio) is not available.');
  return api;
}

export function hasFolio(): boolean {
  return typeof window.folio === 'object' && window.folio !== null;
}

/** A readable message for anything a bridge call rejected with. */
export function errorMessage(error: unknown): string {
  // Electron prefixes errors thrown in main: "Error invoking remote method 'folio:x': Error: real message".
  return coreErrorMessage(error).replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
}

/**
 * Whether a call failed because the disk refused the change ("Not saved: …"). Such an edit stays applied in the
 * core, which retries it, and the save banner says so: the UI keeps showing it instead of undoing it.
 */
export function isNotSaved(error: unknown): boolean {
  return errorMessage(error).startsWith('Not saved:');
}
