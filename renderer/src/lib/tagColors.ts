// The recolour palette: ten hues that keep ≥3:1 contrast against both the light and the dark background
// (they are used as dots and chip borders, never as text colour on their own).
export const TAG_PALETTE: ReadonlyArray<{ name: string; color: string }> = [
  { name: 'Blue', color: '#3b82f6' },
  { name: 'Teal', color: '#0d9488' },
  { name: 'Green', color: '#16a34a' },
  { name: 'Olive', color: '#84912a' },
  { name: 'Amber', color: '#d97706' },
  { name: 'Orange', color: '#ea580c' },
  { name: 'Red', color: '#dc2626' },
  { name: 'Pink', color: '#db2777' },
  { name: 'Purple', color: '#9333ea' },
  { name: 'Slate', color: '#64748b' },
];

export function isHexColor(value: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(value);
}
