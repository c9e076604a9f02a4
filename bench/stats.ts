// Percentiles and small measurement helpers shared by the benchmark sections.
import v8 from 'node:v8';
import vm from 'node:vm';

/** Nearest-rank percentile (q in 0..1) of the samples; 0 for none. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export const median = (samples: readonly number[]): number => percentile(samples, 0.5);
export const p95 = (samples: readonly number[]): number => percentile(samples, 0.95);

export const round = (ms: number, digits = 2): number => Number(ms.toFixed(digits));

let gcFn: (() => void) | null = null;
/** A full GC (exposed at runtime, so `tsx bench/run.ts` needs no node flags). */
export function gc(): void {
  if (gcFn === null) {
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc') as () => void;
  }
  gcFn();
  gcFn();
}

export interface MemorySample {
  heapUsed: number;
  rss: number;
}

export function memory(): MemorySample {
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss };
}

export const mb = (bytes: number): number => round(bytes / 1024 / 1024, 1);

export function fmtMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

/** A fixed-width text table. */
export function table(header: string[], rows: string[][], rightAlign: (col: number) => boolean = (c) => c > 0): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (rightAlign(c) ? cell.padStart(widths[c] as number) : cell.padEnd(widths[c] as number))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
