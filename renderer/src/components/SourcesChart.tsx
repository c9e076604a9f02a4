// One metric of a researcher over time, one line per source (Google Scholar's citations and the aggregator's are
// different counts, so they are never merged into one line). Each source has its own colour, dash and marker shape,
// and the legend names it, so the lines are told apart without colour too; the image's name reads every point.
import type { MetricsSeries } from '../../../electron/core/api.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { formatMetric } from '../lib/metrics.js';

interface Props {
  series: readonly MetricsSeries[];
  metric: string;
  label: string;
}

/** Per series, in order: colour, dash pattern, marker. Sources beyond these reuse them from the start. */
const STYLES = [
  { color: 'var(--series-1)', dash: '', marker: 'circle' },
  { color: 'var(--series-2)', dash: '5 3', marker: 'square' },
  { color: 'var(--series-3)', dash: '2 2', marker: 'triangle' },
  { color: 'var(--series-4)', dash: '8 3 2 3', marker: 'diamond' },
] as const;

const styleOf = (index: number) => STYLES[index % STYLES.length] as (typeof STYLES)[number];

const WIDTH = 440;
const HEIGHT = 110;
const PAD = { left: 44, right: 10, top: 8, bottom: 20 };

interface Point {
  at: number;
  value: number;
  label: string;
}

export function SourcesChart({ series, metric, label }: Props) {
  const lines = series.map((line) => ({
    line,
    points: line.snapshots.flatMap(({ at, metrics }): Point[] => {
      const value = metrics[metric];
      return typeof value === 'number' ? [{ at: Date.parse(at), value, label: `${formatMetric(metric, value)} (${formatDateTime(at)})` }] : [];
    }),
  }));
  const all = lines.flatMap(({ points }) => points);
  const description = lines.map(({ line, points }) => `${line.sourceLabel}: ${points.length === 0 ? 'no figures' : points.map((p) => p.label).join(', ')}.`).join(' ');
  const x = scale(all.map((p) => p.at), PAD.left, WIDTH - PAD.right);
  const y = scale(all.map((p) => p.value), HEIGHT - PAD.bottom, PAD.top);
  const values = all.map((p) => p.value);
  const [low, high] = values.length === 0 ? [0, 0] : [Math.min(...values), Math.max(...values)];
  const times = all.map((p) => p.at);
  const [first, last] = times.length === 0 ? [0, 0] : [Math.min(...times), Math.max(...times)];

  return (
    <figure className="sources-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${label} by source: ${description}`}>
        <line className="chart-axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} />
        <text className="chart-tick" x={PAD.left - 6} y={y(high) + 4} textAnchor="end">
          {formatMetric(metric, high)}
        </text>
        {low !== high ? (
          <text className="chart-tick" x={PAD.left - 6} y={y(low) + 4} textAnchor="end">
            {formatMetric(metric, low)}
          </text>
        ) : null}
        {times.length > 0 ? (
          <text className="chart-tick" x={PAD.left} y={HEIGHT - 5} textAnchor="start">
            {formatDate(new Date(first).toISOString())}
          </text>
        ) : null}
        {last !== first ? (
          <text className="chart-tick" x={WIDTH - PAD.right} y={HEIGHT - 5} textAnchor="end">
            {formatDate(new Date(last).toISOString())}
          </text>
        ) : null}
        {lines.map(({ line, points }, index) => {
          const style = styleOf(index);
          const coords = points.map((p) => [x(p.at), y(p.value)] as const);
          return (
            <g key={line.source} style={{ color: style.color }}>
              {coords.length > 1 ? (
                <polyline points={coords.map(([cx, cy]) => `${cx.toFixed(1)},${cy.toFixed(1)}`).join(' ')} fill="none" stroke="currentColor" strokeWidth="2" strokeDasharray={style.dash} strokeLinejoin="round" />
              ) : null}
              {coords.map(([cx, cy], i) => (
                <Marker key={i} shape={style.marker} x={cx} y={cy} />
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend" aria-label="Sources">
        {series.map((line, index) => {
          const style = styleOf(index);
          return (
            <li key={line.source}>
              <svg width="26" height="10" viewBox="0 0 26 10" aria-hidden="true" style={{ color: style.color }}>
                <line x1="1" x2="25" y1="5" y2="5" stroke="currentColor" strokeWidth="2" strokeDasharray={style.dash} />
                <Marker shape={style.marker} x={13} y={5} />
              </svg>
              {line.sourceLabel}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

/** Maps values onto [from, to]; one distinct value (or none) goes to the middle. */
function scale(values: number[], from: number, to: number): (value: number) => number {
  if (values.length === 0) return () => (from + to) / 2;
  const min = Math.min(...values);
  const span = Math.max(...values) - min;
  return span === 0 ? () => (from + to) / 2 : (value) => from + ((value - min) / span) * (to - from);
}

function Marker({ shape, x, y }: { shape: (typeof STYLES)[number]['marker']; x: number; y: number }) {
  const r = 3.5;
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} fill="currentColor" />;
    case 'square':
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill="currentColor" />;
    case 'triangle':
      return <polygon points={`${x},${y - r - 0.5} ${x + r + 0.5},${y + r} ${x - r - 0.5},${y + r}`} fill="currentColor" />;
    case 'diamond':
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} fill="currentColor" />;
  }
}
