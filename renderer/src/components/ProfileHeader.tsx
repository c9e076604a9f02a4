// Shown above the list when a profile is selected: its metrics now, their trend, and every snapshot.
import type { ProfileMetrics } from '../../../electron/core/model.js';
import { useProfile } from '../hooks/useProfile.js';
import { formatDate, formatDateTime, formatNumber, plural } from '../lib/format.js';
import { Sparkline } from './Sparkline.js';

const METRICS: Array<[keyof ProfileMetrics, string, string]> = [
  ['hIndex', 'h-index', ''],
  ['papers', 'Papers', ''],
  ['citations', 'Citations', ''],
  ['novelty', 'Novelty', '%'],
  ['aiScore', 'AI score', ''],
];

const show = (v: number | null, suffix: string) => (v === null ? '—' : `${formatNumber(v)}${suffix}`);

export function ProfileHeader({ profileId }: { profileId: string }) {
  const { profile, error } = useProfile(profileId);
  if (error) return <div className="profile-header"><p className="error-text">Could not load the profile: {error}</p></div>;
  if (!profile) return <div className="profile-header loading" aria-busy="true" />;
  const history = profile.history;
  // The metrics shown are the latest import's: their trend is that source's series (another source counts differently).
  const shownSource = history.at(-1)?.source;
  const trend = profile.series.find((series) => series.source === shownSource)?.snapshots ?? [];
  return (
    <section className="profile-header" aria-label={`Profile ${profile.name}`}>
      <div className="profile-title-row">
        <h2 className="profile-name">{profile.name}</h2>
        {profile.category ? <span className="category-badge">{profile.category}</span> : null}
        <span className="muted profile-dates">
          {plural(profile.paperCount, 'paper')} in library · last imported {formatDate(profile.lastImportedAt)}
        </span>
      </div>
      <dl className="metrics">
        {METRICS.map(([key, label, suffix]) => (
          <div key={key} className="metric">
            <dt>{label}</dt>
            <dd>
              <span className="metric-value">{show(profile.metrics[key], suffix)}</span>
              <Sparkline values={trend.map((s) => s.metrics[key])} label={label} />
            </dd>
          </div>
        ))}
      </dl>
      {history.length >= 2 ? (
        <details className="metric-history">
          <summary>Metric history ({plural(history.length, 'snapshot')})</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Imported</th>
                {METRICS.map(([key, label]) => (
                  <th key={key} scope="col">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...history].reverse().map((snapshot) => (
                <tr key={snapshot.at}>
                  <th scope="row">{formatDateTime(snapshot.at)}</th>
                  {METRICS.map(([key, , suffix]) => (
                    <td key={key}>{show(snapshot.metrics[key], suffix)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}
