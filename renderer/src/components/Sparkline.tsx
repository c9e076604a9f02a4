// A tiny inline trend line for a metric's values across imports (oldest first). Null values are skipped.
export function Sparkline({ values, label, width = 72, height = 20 }: { values: ReadonlyArray<number | null>; label: string; width?: number; height?: number }) {
  const points = values.map((v, i) => [i, v] as const).filter((p): p is readonly [number, number] => p[1] !== null);
  if (points.length < 2) return null;
  const ys = points.map(([, v]) => v);
  const min = Math.min(...ys);
  const max = Math.max(...ys);
  const span = max - min || 1;
  const n = values.length - 1 || 1;
  const pad = 2;
  const coords = points.map(([i, v]) => [pad + (i / n) * (width - 2 * pad), height - pad - ((v - min) / span) * (height - 2 * pad)] as const);
  const last = coords[coords.length - 1];
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label} history: ${ys.join(', ')}`}>
      <polyline points={coords.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round" />
      {last ? <circle cx={last[0]} cy={last[1]} r="2" fill="currentColor" /> : null}
    </svg>
  );
}
