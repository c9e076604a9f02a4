import { useEffect, useState } from 'react';
import { readStored, writeStored } from '../lib/storage.js';

/** useState backed by localStorage (validated on read, written after each change). */
export function usePersistentState<T>(key: string, fallback: T, valid: (value: unknown) => value is T) {
  const [value, setValue] = useState<T>(() => readStored(key, fallback, valid));
  useEffect(() => writeStored(key, value), [key, value]);
  return [value, setValue] as const;
}
