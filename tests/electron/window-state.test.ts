import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  createWindowStateStore,
  DEFAULT_WINDOW_STATE,
  parseWindowState,
  restoreBounds,
  type Bounds,
} from '../../electron/main/window-state.js';

const LAPTOP: Bounds = { x: 0, y: 25, width: 1440, height: 875 }; // work area below a macOS menu bar
const RIGHT_MONITOR: Bounds = { x: 1440, y: 0, width: 2560, height: 1400 };
const LEFT_MONITOR: Bounds = { x: -1920, y: 0, width: 1920, height: 1040 };

describe('restoreBounds', () => {
  const rows: Array<{ name: string; saved: Bounds | undefined; areas: Bounds[]; expected: ReturnType<typeof restoreBounds> }> = [
    { name: 'first run: default size, centered', saved: undefined, areas: [LAPTOP], expected: { width: 1280, height: 820 } },
    {
      name: 'first run on a small screen: default shrunk to fit',
      saved: undefined,
      areas: [{ x: 0, y: 0, width: 1024, height: 700 }],
      expected: { width: 1024, height: 700 },
    },
    { name: 'fits: kept as is', saved: { x: 100, y: 80, width: 1000, height: 700 }, areas: [LAPTOP], expected: { x: 100, y: 80, width: 1000, height: 700 } },
    {
      name: 'on the second monitor that is still there',
      saved: { x: 2000, y: 100, width: 1600, height: 1000 },
      areas: [LAPTOP, RIGHT_MONITOR],
      expected: { x: 2000, y: 100, width: 1600, height: 1000 },
    },
    {
      name: 'on a monitor that was unplugged: default, centered',
      saved: { x: 2000, y: 100, width: 1600, height: 1000 },
      areas: [LAPTOP],
      expected: { width: 1280, height: 820 },
    },
    {
      name: 'on a monitor left of the primary (negative x)',
      saved: { x: -1800, y: 50, width: 1200, height: 800 },
      areas: [LAPTOP, LEFT_MONITOR],
      expected: { x: -1800, y: 50, width: 1200, height: 800 },
    },
    {
      name: 'bigger than the display it is on: shrunk and moved inside',
      saved: { x: 50, y: 25, width: 3000, height: 2000 },
      areas: [LAPTOP],
      expected: { x: 0, y: 25, width: 1440, height: 875 },
    },
    {
      name: 'hanging off the right edge: nudged back',
      saved: { x: 1200, y: 100, width: 1000, height: 700 },
      areas: [LAPTOP],
      expected: { x: 440, y: 100, width: 1000, height: 700 },
    },
    {
      name: 'title bar above the top of the screen: unreachable, default',
      saved: { x: 100, y: -600, width: 1000, height: 700 },
      areas: [LAPTOP],
      expected: { width: 1280, height: 820 },
    },
    {
      name: 'only a sliver of the title bar visible: default',
      saved: { x: 1400, y: 100, width: 1000, height: 700 },
      areas: [LAPTOP],
      expected: { width: 1280, height: 820 },
    },
    {
      name: 'tiny saved size: raised to the minimum',
      saved: { x: 10, y: 30, width: 200, height: 100 },
      areas: [LAPTOP],
      expected: { x: 10, y: 30, width: 720, height: 480 },
    },
    { name: 'no displays reported: default size', saved: { x: 0, y: 0, width: 900, height: 600 }, areas: [], expected: { width: 1280, height: 820 } },
  ];
  for (const { name, saved, areas, expected } of rows) {
    it(name, () => assert.deepEqual(restoreBounds(saved, areas), expected));
  }
});

describe('parseWindowState', () => {
  const rows: Array<{ name: string; input: string; expected: unknown }> = [
    {
      name: 'a saved state',
      input: '{"bounds":{"x":1,"y":2,"width":900,"height":700},"isMaximized":true,"theme":"dark"}',
      expected: { bounds: { x: 1, y: 2, width: 900, height: 700 }, isMaximized: true, theme: 'dark' },
    },
    { name: 'empty file', input: '', expected: DEFAULT_WINDOW_STATE },
    { name: 'truncated JSON', input: '{"bounds":{"x":1', expected: DEFAULT_WINDOW_STATE },
    { name: 'not an object', input: '[1,2]', expected: DEFAULT_WINDOW_STATE },
    { name: 'null', input: 'null', expected: DEFAULT_WINDOW_STATE },
    {
      name: 'bad bounds dropped, the rest kept',
      input: '{"bounds":{"x":"1","y":2,"width":-5,"height":700},"isMaximized":true,"theme":"light"}',
      expected: { isMaximized: true, theme: 'light' },
    },
    { name: 'unknown theme falls back', input: '{"isMaximized":false,"theme":"sepia"}', expected: { isMaximized: false, theme: 'system' } },
  ];
  for (const { name, input, expected } of rows) {
    it(name, () => assert.deepEqual(parseWindowState(input), expected));
  }
});

describe('createWindowStateStore', () => {
  it('saves atomically and loads back; a missing file loads the defaults', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-window-state-'));
    try {
      const file = path.join(dir, 'nested', 'window-state.json');
      const store = createWindowStateStore(file);
      assert.deepEqual(store.load(), DEFAULT_WINDOW_STATE);
      const state = { bounds: { x: 5, y: 6, width: 1000, height: 800 }, isMaximized: false, theme: 'dark' as const };
      store.save(state);
      assert.deepEqual(store.load(), state);
      assert.deepEqual(fs.readdirSync(path.dirname(file)), ['window-state.json'], 'no temp file left behind');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a failed save warns instead of throwing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-window-state-'));
    try {
      const blocker = path.join(dir, 'file');
      fs.writeFileSync(blocker, '');
      const warnings: string[] = [];
      createWindowStateStore(path.join(blocker, 'window-state.json'), (m) => warnings.push(m)).save(DEFAULT_WINDOW_STATE);
      assert.equal(warnings.length, 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
