import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveTheme, initTheme, setTheme, storedTheme, subscribeTheme, toggleTheme } from '../../renderer/src/lib/theme.js';
import { installFakeDom } from './fakeWindow.js';

const { window, document } = installFakeDom();
const KEY = 'folio.theme';

function reset({ stored, systemDark }: { stored?: string; systemDark: boolean }) {
  window.localStorage.broken = false;
  window.localStorage.data.clear();
  if (stored !== undefined) window.localStorage.data.set(KEY, stored);
  window.systemDark = systemDark;
}

test('theme: stored choice wins over the OS; anything invalid means "follow the OS"', async (t) => {
  const cases: Array<{ name: string; input: { stored?: string; systemDark: boolean }; expected: { stored: string | null; effective: string } }> = [
    { name: 'nothing stored, OS light', input: { systemDark: false }, expected: { stored: null, effective: 'light' } },
    { name: 'nothing stored, OS dark', input: { systemDark: true }, expected: { stored: null, effective: 'dark' } },
    { name: 'stored dark, OS light', input: { stored: '"dark"', systemDark: false }, expected: { stored: 'dark', effective: 'dark' } },
    { name: 'stored light, OS dark', input: { stored: '"light"', systemDark: true }, expected: { stored: 'light', effective: 'light' } },
    { name: 'stored null', input: { stored: 'null', systemDark: true }, expected: { stored: null, effective: 'dark' } },
    { name: 'stored unknown theme', input: { stored: '"blue"', systemDark: true }, expected: { stored: null, effective: 'dark' } },
    { name: 'stored without JSON quotes', input: { stored: 'dark', systemDark: false }, expected: { stored: null, effective: 'light' } },
    { name: 'stored wrong case', input: { stored: '"Dark"', systemDark: false }, expected: { stored: null, effective: 'light' } },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => {
      reset(input);
      assert.equal(storedTheme(), expected.stored);
      assert.equal(effectiveTheme(), expected.effective);
    });
  }
  await t.test('no matchMedia: light', () => {
    reset({ systemDark: true });
    const matchMedia = window.matchMedia;
    window.matchMedia = undefined;
    try {
      assert.equal(effectiveTheme(), 'light');
    } finally {
      window.matchMedia = matchMedia;
    }
  });
  await t.test('storage unavailable: follow the OS', () => {
    reset({ stored: '"light"', systemDark: true });
    window.localStorage.broken = true;
    assert.equal(effectiveTheme(), 'dark');
  });
});

test('theme: setTheme stores, sets data-theme and notifies; null goes back to the OS', () => {
  reset({ systemDark: false });
  let heard = 0;
  const off = subscribeTheme(() => heard++);
  setTheme('dark');
  assert.equal(window.localStorage.data.get(KEY), '"dark"');
  assert.equal(document.documentElement.dataset.theme, 'dark');
  assert.equal(effectiveTheme(), 'dark');
  setTheme(null);
  assert.equal(window.localStorage.data.has(KEY), false);
  assert.equal('theme' in document.documentElement.dataset, false, 'data-theme removed, CSS follows the OS');
  assert.equal(effectiveTheme(), 'light');
  assert.equal(heard, 2);
  off();
  setTheme('light');
  assert.equal(heard, 2, 'unsubscribed');
});

test('theme: toggleTheme switches what is shown', async (t) => {
  const cases: Array<{ name: string; input: { stored?: string; systemDark: boolean }; expected: string }> = [
    { name: 'following a light OS → dark', input: { systemDark: false }, expected: 'dark' },
    { name: 'following a dark OS → light', input: { systemDark: true }, expected: 'light' },
    { name: 'stored dark → light', input: { stored: '"dark"', systemDark: true }, expected: 'light' },
    { name: 'stored light → dark', input: { stored: '"light"', systemDark: true }, expected: 'dark' },
  ];
  for (const { name, input, expected } of cases) {
    await t.test(name, () => {
      reset(input);
      toggleTheme();
      assert.equal(effectiveTheme(), expected);
      assert.equal(document.documentElement.dataset.theme, expected);
    });
  }
  await t.test('storage broken: no throw', () => {
    reset({ systemDark: false });
    window.localStorage.broken = true;
    assert.doesNotThrow(() => toggleTheme());
  });
});

test('theme: initTheme applies the stored choice and re-applies when the OS scheme changes', () => {
  reset({ stored: '"light"', systemDark: true });
  document.documentElement.dataset.theme = undefined;
  let heard = 0;
  const off = subscribeTheme(() => heard++);
  initTheme();
  assert.equal(document.documentElement.dataset.theme, 'light');
  assert.equal(window.colorScheme.count('change'), 1);
  window.systemDark = false;
  window.colorScheme.dispatch('change');
  assert.equal(heard, 2, 'listeners hear the OS change');
  off();
});
