import { useSyncExternalStore } from 'react';
import { MoonIcon, SunIcon } from './Icons.js';
import { effectiveTheme, subscribeTheme, toggleTheme } from '../lib/theme.js';

export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribeTheme, effectiveTheme);
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="icon-button theme-toggle"
      aria-label="Dark theme"
      aria-pressed={dark}
      title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'}
      onClick={toggleTheme}
    >
      {dark ? <SunIcon /> : <MoonIcon />}
    </button>
  );
}
