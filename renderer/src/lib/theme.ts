// Light / dark theme. Default: follow the OS (prefers-color-scheme). An explicit choice is stored and set as
// data-theme on <html>, which the CSS variables in styles/theme.css key on.
import { readStored, writeStored } from './storage.js';

export type ThemeChoice = 'light' | 'dark';
const KEY = 'folio.theme';
const isChoice = (value: unknown): value is ThemeChoice => value === 'light' || value === 'dark';
const listeners = new Set<() => void>();

function systemTheme(): ThemeChoice {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function storedTheme(): ThemeChoice | null {
  return readStored<ThemeChoice | null>(KEY, null, (v): v is ThemeChoice | null => v === null || isChoice(v));
}

/** The theme actually shown. */
export function effectiveTheme(): ThemeChoice {
  return storedTheme() ?? systemTheme();
}

function apply(): void {
  const choice = storedTheme();
  if (choice) document.documentElement.dataset.theme = choice;
  else delete document.documentElement.dataset.theme;
  for (const listener of listeners) listener();
}

export function setTheme(choice: ThemeChoice | null): void {
  writeStored(KEY, choice ?? undefined);
  apply();
}

/** Switches to the other theme (the app menu's "Toggle theme" and the toolbar button). */
export function toggleTheme(): void {
  setTheme(effectiveTheme() === 'dark' ? 'light' : 'dark');
}

export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function initTheme(): void {
  apply();
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', apply);
}
