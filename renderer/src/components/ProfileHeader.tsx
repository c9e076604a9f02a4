// The profile view, in the detail pane while a profile is selected in the sidebar: its metrics now, their trend,
// the change between consecutive snapshots, and every snapshot. A researcher imported from several sources gets each
// source's latest figures side by side and one series per source: their counts differ (each site counts citations
// its own way), so they are never mixed into one line.
import { useState } from 'react';
import type { ProfileDetail, SourceId } from '../../../electron/core/api.js';
import type { MetricsSnapshot } from '../../../electron/core/model.js';
import { useProfile } from '../hooks/useProfile.js';
import { ProfileActions } from './ProfileActions.js';
import { formatDate, formatDateTime, plural } from '../lib/format.js';
import { formatMetric, metricKeysOf, metricLabel } from '../lib/metrics.js';
import { describeChange, snapshotChanges } from '../lib/metricChanges.js';
import { SourcesChart } from './SourcesChart.js';
import { Sparkline } from './Sparkline.js';

/** `onRemoved`: the profile was removed (its actions' "Remove profile…"): the caller leaves its view. */
export function ProfileView({ profileId, onRemoved }: { profileId: string; onRemoved: () => void }) {
  const { profile, error } = useProfile(profileId);
  if (error) return <aside className="detail-pane profile-header"><p className="error-text">Could not load the profile: {error}</p></aside>;
  if (!profile) return <aside className="detail-pane profile-header loading" aria-busy="true" />;
  const isMultiSource = profile.series.length > 1;
  const keys = metricKeysOf(profile.history.map((snapshot) => snapshot.metrics));
  return (
    <section className="detail-pane profile-header" aria-label={`Profile ${profile.name}`}>
      <div className="profile-title-row">
        <h2 className="profile-name">{profile.name}</h2>
        {profile.category ? <span className="category-badge">{profile.category}</span> : null}
        <span className="muted profile-dates">
          {plural(profile.paperCount, 'paper')} in library · last imported {formatDate(profile.lastImportedAt)}
        </span>
        <ProfileActions profile={profile} onRemoved={onRemoved} />
      </div>
      {isMultiSource ? <SourcesMetrics profile={profile} keys={keys} /> : <Metrics profile={profile} keys={keys} />}
      {profile.history.length >= 2 ? <SourcesTrend profile={profile} keys={keys} /> : null}
      {profile.history.length >= 2 ? <SnapshotChanges profile={profile} keys={keys} withSource={isMultiSource} /> : null}
      {profile.history.length >= 2 ? <MetricHistory profile={profile} keys={keys} withSource={isMultiSource} /> : null}
    </section>
  );
}

interface MetricsProps {
  profile: ProfileDetail;
  /** The metrics to show, in order. */
  keys: string[];
}

/** One source: each metric now, with its trend. */
function Metrics({ profile, keys }: MetricsProps) {
  const latest = profile.history.at(-1)?.metrics ?? profile.metrics;
  return (
    <dl className="metrics">
      {keys.map((key) => {
        const label = metricLabel(key);
        return (
          <div key={key} className="metric">
            <dt>{label}</dt>
            <dd>
              <span className="metric-value">{formatMetric(key, latest[key as keyof typeof latest])}</span>
              <Sparkline values={profile.history.map((s) => s.metrics[key] ?? null)} label={label} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** Several sources: each one's latest figures, a row per source. */
function SourcesMetrics({ profile, keys }: MetricsProps) {
  return (
    <div className="source-metrics-scroll">
      <table className="source-metrics" aria-label="Latest metrics by source">
        <thead>
          <tr>
            <th scope="col">Source</th>
            {keys.map((key) => (
              <th key={key} scope="col">
                {metricLabel(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {profile.series.map((line) => (
            <tr key={line.source}>
              <th scope="row">{line.sourceLabel}</th>
              {keys.map((key) => (
                <td key={key}>{formatMetric(key, profile.metricsBySource[line.source]?.[key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The chosen metric over time, one line per source (citations unless the user picks another). */
function SourcesTrend({ profile, keys }: MetricsProps) {
  const charted = keys.filter((key) => profile.series.some((line) => line.snapshots.some((s) => typeof s.metrics[key] === 'number')));
  const [chosen, setChosen] = useState<string | null>(null);
  const metric = chosen !== null && charted.includes(chosen) ? chosen : charted.includes('citations') ? 'citations' : charted[0];
  if (metric === undefined) return null;
  return (
    <div className="sources-trend">
      <label className="chart-metric">
        <span>Chart</span>
        <select aria-label="Chart" value={metric} onChange={(event) => setChosen(event.target.value)}>
          {charted.map((key) => (
            <option key={key} value={key}>
              {metricLabel(key)}
            </option>
          ))}
        </select>
      </label>
      <SourcesChart series={profile.series} metric={metric} label={metricLabel(metric)} />
    </div>
  );
}

/** Every snapshot, newest first; with several sources, a chart of them by source and each row naming its source. */
function MetricHistory({ profile, keys, withSource }: MetricsProps & { withSource: boolean }) {
  const labels = new Map<SourceId, string>(profile.series.map((line) => [line.source, line.sourceLabel]));
  const rows: MetricsSnapshot[] = [...profile.history].reverse();
  return (
    <details className="metric-history">
      <summary>Metric history ({plural(profile.history.length, 'snapshot')})</summary>
      <table aria-label="Metric history">
        <thead>
          <tr>
            <th scope="col">Imported</th>
            {withSource ? <th scope="col">Source</th> : null}
            {keys.map((key) => (
              <th key={key} scope="col">
                {metricLabel(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((snapshot) => (
            <tr key={`${snapshot.at}:${snapshot.source}`}>
              <th scope="row">{formatDateTime(snapshot.at)}</th>
              {withSource ? <td className="history-source">{labels.get(snapshot.source) ?? snapshot.source}</td> : null}
              {keys.map((key) => (
                <td key={key}>{formatMetric(key, snapshot.metrics[key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Each import that changed a metric, newest first: the change against that source's previous snapshot (▲/▼). */
function SnapshotChanges({ profile, keys, withSource }: MetricsProps & { withSource: boolean }) {
  const changes = snapshotChanges(profile.history, keys);
  const labels = new Map<SourceId, string>(profile.series.map((line) => [line.source, line.sourceLabel]));
  return (
    <div className="snapshot-changes">
      <h3 className="profile-subheading">Changes between snapshots</h3>
      {changes.length === 0 ? (
        <p className="muted">No metric changed between imports.</p>
      ) : (
        <table aria-label="Changes between snapshots">
          <thead>
            <tr>
              <th scope="col">Imported</th>
              {withSource ? <th scope="col">Source</th> : null}
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={`${change.at}:${change.source}`}>
                <th scope="row">{formatDateTime(change.at)}</th>
                {withSource ? <td className="history-source">{labels.get(change.source) ?? change.source}</td> : null}
                <td>
                  <ul className="delta-list">
                    {change.deltas.map((delta) => (
                      <li key={delta.key}>
                        {metricLabel(delta.key)} {formatMetric(delta.key, delta.before)} → {formatMetric(delta.key, delta.after)}{' '}
                        <span className={`delta ${delta.change === null ? '' : delta.change > 0 ? 'up' : 'down'}`}>({describeChange(delta)})</span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
