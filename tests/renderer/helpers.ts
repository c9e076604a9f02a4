// Small tools shared by the renderer logic tests (no DOM, no React).

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every already-settled promise callback run (setImmediate is never mocked by these tests). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export { rng } from '../helpers/rng.js';
