// A minimal stand-in for the browser globals the renderer's lib modules touch (window.localStorage,
// window.matchMedia, window/document events, document.documentElement.dataset, window.folio). Only what those
// modules use; installed on globalThis because they read the globals at call time.

type Listener = (event?: unknown) => void;

class Events {
  readonly listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  removeEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, (this.listeners.get(type) ?? []).filter((l) => l !== listener));
  }
  dispatch(type: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ type });
  }
  count(type: string): number {
    return this.listeners.get(type)?.length ?? 0;
  }
}

export class FakeStorage {
  readonly data = new Map<string, string>();
  /** Makes every call throw, like disabled storage or a full quota. */
  broken = false;
  getItem(key: string): string | null {
    if (this.broken) throw new Error('SecurityError');
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.broken) throw new Error('QuotaExceededError');
    this.data.set(key, String(value));
  }
  removeItem(key: string): void {
    if (this.broken) throw new Error('SecurityError');
    this.data.delete(key);
  }
}

export class FakeWindow extends Events {
  readonly localStorage = new FakeStorage();
  systemDark = false;
  readonly colorScheme = new Events();
  matchMedia: ((query: string) => { matches: boolean; addEventListener: Events['addEventListener'] }) | undefined = (query) => {
    if (query !== '(prefers-color-scheme: dark)') throw new Error(`unexpected media query ${query}`);
    return { matches: this.systemDark, addEventListener: (type, l) => this.colorScheme.addEventListener(type, l) };
  };
  folio: unknown = undefined;
}

export class FakeDocument extends Events {
  readonly documentElement = { dataset: {} as Record<string, string | undefined> };
  visibilityState: 'visible' | 'hidden' = 'visible';
}

export function installFakeDom(): { window: FakeWindow; document: FakeDocument } {
  const window = new FakeWindow();
  const document = new FakeDocument();
  Object.defineProperty(globalThis, 'window', { value: window, configurable: true, writable: true });
  Object.defineProperty(globalThis, 'document', { value: document, configurable: true, writable: true });
  return { window, document };
}
