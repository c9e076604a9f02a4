// Small inline SVG icons (no icon font, nothing remote). All decorative: aria-hidden.
import type { SortDirection } from '../../../electron/core/api.js';

const base = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true, focusable: false } as const;

export function SearchIcon() {
  return (
    <svg {...base} aria-hidden="true" className="icon search-icon">
      <circle cx="7" cy="7" r="4.5" />
      <path d="M10.5 10.5 14 14" />
    </svg>
  );
}

export function MoonIcon() {
  return (
    <svg {...base} aria-hidden="true" className="icon">
      <path d="M13.5 9.5A5.5 5.5 0 0 1 6.5 2.5a5.5 5.5 0 1 0 7 7Z" />
    </svg>
  );
}

export function SunIcon() {
  return (
    <svg {...base} aria-hidden="true" className="icon">
      <circle cx="8" cy="8" r="3" />
      <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
    </svg>
  );
}

export function SortArrow({ direction }: { direction: SortDirection }) {
  return (
    <svg {...base} aria-hidden="true" className="icon">
      {direction === 'asc' ? <path d="M8 13V3M4.5 6.5 8 3l3.5 3.5" /> : <path d="M8 3v10M4.5 9.5 8 13l3.5-3.5" />}
    </svg>
  );
}

export function FolioMark() {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false" className="brand-mark">
      <rect x="2" y="2" width="10" height="14" rx="2" fill="var(--accent)" opacity="0.35" />
      <rect x="6" y="1" width="10" height="14" rx="2" fill="var(--accent)" />
      <path d="M9 5.5h4M9 8h4M9 10.5h2.5" stroke="var(--bg)" strokeWidth="1.3" strokeLinecap="round" />
    </svg>
  );
}
