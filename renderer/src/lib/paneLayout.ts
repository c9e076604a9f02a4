// The three panes' widths: kept as fractions of the window (so they grow and shrink with it), turned into pixels
// with each pane's minimum respected; a collapsed pane takes no room. Pure, so it is table-tested.

export const PANE_MIN = { sidebar: 160, list: 280, detail: 340 } as const;
/** The sidebar never takes more than this share of the window. */
const SIDEBAR_MAX_FRACTION = 0.35;

export interface PaneLayout {
  sidebar: number;
  list: number;
  /** The grid's columns: sidebar, list, details (each resize handle sits on its pane's right edge). */
  columns: string;
  /** The largest each draggable pane may be now. */
  sidebarMax: number;
  listMax: number;
}

export function paneLayout(width: number, fractions: { sidebar: number; list: number }, shown: { sidebar: boolean; detail: boolean }): PaneLayout {
  const sidebarMax = Math.max(PANE_MIN.sidebar, Math.floor(width * SIDEBAR_MAX_FRACTION));
  const sidebar = shown.sidebar ? clamp(Math.round(fractions.sidebar * width), PANE_MIN.sidebar, sidebarMax) : 0;
  const listMax = Math.max(PANE_MIN.list, width - sidebar - (shown.detail ? PANE_MIN.detail : 0));
  const list = clamp(Math.round(fractions.list * width), PANE_MIN.list, listMax);
  const sidebarColumn = shown.sidebar ? `${sidebar}px` : '0';
  const columns = shown.detail ? `${sidebarColumn} ${list}px minmax(${PANE_MIN.detail}px, 1fr)` : `${sidebarColumn} minmax(${PANE_MIN.list}px, 1fr) 0`;
  return { sidebar, list, columns, sidebarMax, listMax };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

export const isFraction = (value: unknown): value is number => typeof value === 'number' && value > 0 && value < 1;
