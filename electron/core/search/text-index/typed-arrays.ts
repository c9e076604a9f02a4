// Typed-array helpers for the index: growing by doubling, and reads at positions the caller keeps in range, which
// `noUncheckedIndexedAccess` cannot see. One helper per element type keeps each call site monomorphic for V8.

export function readInt32(a: Int32Array, i: number): number {
  return a[i] ?? 0;
}

export function readUint16(a: Uint16Array, i: number): number {
  return a[i] ?? 0;
}

export function readUint8(a: Uint8Array, i: number): number {
  return a[i] ?? 0;
}

export function readFloat64(a: Float64Array, i: number): number {
  return a[i] ?? 0;
}

/** `a` when it holds `need` elements, else a copy at least twice as long. */
export function growInt32(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const grown = new Int32Array(Math.max(need, a.length * 2));
  grown.set(a);
  return grown;
}

export function growUint16(a: Uint16Array, need: number): Uint16Array {
  if (need <= a.length) return a;
  const grown = new Uint16Array(Math.max(need, a.length * 2));
  grown.set(a);
  return grown;
}
