// Remembers the window's size, position, maximized flag and theme choice in a small JSON file in userData.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type ThemeSource = 'system' | 'light' | 'dark';

export interface WindowState {
  /** Normal (un-maximized) bounds; absent before the first run. */
  bounds?: Bounds;
  isMaximized: boolean;
  theme: ThemeSource;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;
/** How much of the window's top edge must be on a display for the saved position to be trusted. */
const GRAB_STRIP = { width: 120, height: 32 } as const;

const finite = z.number(); // zod 4 numbers reject NaN and Infinity already
const stateSchema = z.object({
  bounds: z
    .object({ x: finite, y: finite, width: finite.positive(), height: finite.positive() })
    .optional()
    .catch(undefined),
  isMaximized: z.boolean().catch(false),
  theme: z.enum(['system', 'light', 'dark']).catch('system'),
});

export const DEFAULT_WINDOW_STATE: WindowState = { isMaximized: false, theme: 'system' };

/** Reads whatever is in the file; anything unreadable falls back field by field to the defaults. */
export function parseWindowState(text: string): WindowState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) return { ...DEFAULT_WINDOW_STATE };
  const { bounds, isMaximized, theme } = parsed.data;
  return bounds ? { bounds, isMaximized, theme } : { isMaximized, theme };
}

function overlap(a: Bounds, b: Bounds): Bounds | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/**
 * Where to open the window given the saved bounds and the displays' work areas (primary first).
 * The saved position is kept only when the window's top strip (where you grab it) is on some display,
 * then the window is shrunk and nudged to fit that display; otherwise it opens at the default size,
 * centered (no x/y). Sizes never go below MIN_WINDOW_SIZE.
 */
export function restoreBounds(saved: Bounds | undefined, workAreas: readonly Bounds[]): Partial<Pick<Bounds, 'x' | 'y'>> &
  Pick<Bounds, 'width' | 'height'> {
  const primary = workAreas[0];
  const fallback = {
    width: Math.max(MIN_WINDOW_SIZE.width, Math.min(DEFAULT_WINDOW_SIZE.width, primary?.width ?? Infinity)),
    height: Math.max(MIN_WINDOW_SIZE.height, Math.min(DEFAULT_WINDOW_SIZE.height, primary?.height ?? Infinity)),
  };
  if (!saved) return fallback;
  const strip = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(GRAB_STRIP.height, saved.height) };
  const display = workAreas.find((area) => {
    const visible = overlap(strip, area);
    return visible !== null && visible.width >= Math.min(GRAB_STRIP.width, saved.width) && visible.height >= strip.height;
  });
  if (!display) return fallback;
  const width = Math.max(MIN_WINDOW_SIZE.width, Math.min(saved.width, display.width));
  const height = Math.max(MIN_WINDOW_SIZE.height, Math.min(saved.height, display.height));
  return {
    x: Math.round(clamp(saved.x, display.x, display.x + display.width - width)),
    y: Math.round(clamp(saved.y, display.y, display.y + display.height - height)),
    width: Math.round(width),
    height: Math.round(height),
  };
}

export interface WindowStateStore {
  load(): WindowState;
  /** Writes atomically (temp file + rename) and synchronously: it runs while the app is closing. */
  save(state: WindowState): void;
}

export function createWindowStateStore(file: string, warn: (message: string) => void = console.warn): WindowStateStore {
  return {
    load() {
      try {
        return parseWindowState(fs.readFileSync(file, 'utf8'));
      } catch {
        return { ...DEFAULT_WINDOW_STATE };
      }
    },
    save(state) {
      const temp = `${file}.${process.pid}.tmp`;
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
        fs.renameSync(temp, file);
      } catch (error) {
        // Losing the window position is not worth failing a quit over.
        warn(`Folio could not save the window state to ${file}: ${String(error)}`);
        try {
          fs.rmSync(temp, { force: true });
        } catch {
          // Nothing to clean up when the folder itself is unusable.
        }
      }
    },
  };
}
