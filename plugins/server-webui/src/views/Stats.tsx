import { useEffect, useState } from 'react';
import type { PluginAnalytics, UserAnalytics } from '../api/play';
import type { Track, User } from '../api/types';
import { BarChart } from '../components/charts/BarChart';
import { Donut } from '../components/charts/Donut';
import { Histogram } from '../components/charts/Histogram';
import { LineChart } from '../components/charts/LineChart';
import { formatMillis, monthLabel, topValue } from '../logic/charts';
import { messageOf, useServices } from '../services';

/** The caller's listening and mixing analytics as pictures; for admins also every plugin's use. */
export function Stats({ user }: { user: User }) {
  const { api } = useServices();
  const [stats, setStats] = useState<UserAnalytics | null>(null);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [plugins, setPlugins] = useState<PluginAnalytics[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    api.get<UserAnalytics>('/api/me/analytics?top=10').then(async (a) => {
      // Track ids name nothing a person knows: look the titles up (a deleted track keeps its id),
      // and show the charts once, with them, rather than ids replaced by titles a moment later.
      const found: Record<string, string> = {};
      await Promise.all(a.mostPlayed.map((c) => api.get<Track>(`/api/tracks/${encodeURIComponent(c.value)}`)
        .then((t) => { found[c.value] = t.artist ? `${t.artist} – ${t.title}` : t.title; })
        .catch(() => {})));
      setTitles(found);
      setStats(a);
    }).catch((e) => setError(messageOf(e)));
    if (user.role === 'admin') {
      api.get<PluginAnalytics[]>('/api/analytics/plugins').then((p) => {
        setPlugins(p);
        setChosen(p[0]?.plugin ?? '');
      }).catch((e) => setError(messageOf(e)));
    }
  }, [api, user.role]);

  const months = (stats?.months ?? []).filter((m) => typeof m.meanBpm === 'number');
  const rated = (stats?.transitionsKept ?? 0) + (stats?.transitionsSkipped ?? 0);
  const plugin = plugins?.find((p) => p.plugin === chosen) ?? null;

  return (
    <section className="view stats-view">
      <header className="view-head">
        <h1>Stats</h1>
        <div className="muted" data-testid="stats-summary">
          {stats ? `${stats.mixes} mixes · ${rated} transitions rated · ${stats.mostPlayed.length} tracks played` : 'loading…'}
        </div>
      </header>
      {error && <div className="error" role="alert">{error}</div>}
      {stats && (
        <div className="chart-grid">
          <div className="panel">
            {stats.mostPlayed.length === 0 ? <div className="empty">No plays yet: a track counts once it has played 30 seconds.</div> : (
              <BarChart title="Most played" testId="chart-most-played" unit="plays"
                description={`Your ${stats.mostPlayed.length} most played tracks: ${stats.mostPlayed.map((c) => `${titles[c.value] ?? c.value} ${c.count}`).join(', ')}.`}
                items={stats.mostPlayed.map((c) => ({ label: titles[c.value] ?? c.value, segments: [{ value: c.count, tone: 'tone-1', name: 'plays' }] }))} />
            )}
          </div>
          <div className="panel">
            {rated === 0 ? <div className="empty">No transitions rated yet.</div> : (
              <Donut title="Transitions kept vs skipped" testId="chart-transitions"
                description={`${stats.transitionsKept} transitions kept (rated 0.5 or better), ${stats.transitionsSkipped} skipped.`}
                centre={`${Math.round((stats.transitionsKept / rated) * 100)} %`} centreNote="kept"
                parts={[{ label: 'Kept', value: stats.transitionsKept, tone: 'tone-ok' }, { label: 'Skipped', value: stats.transitionsSkipped, tone: 'tone-bad' }]} />
            )}
          </div>
          <div className="panel wide">
            {stats.energyCurve.length === 0 ? <div className="empty">No sets yet: render a mix to see its energy curve.</div> : (
              <LineChart title="Energy curve of your sets" testId="chart-energy" yDomain={[0, 1]} yUnit="energy" area
                summary={`mean of ${stats.energySets} set${stats.energySets === 1 ? '' : 's'}, start to end`}
                description={`The mean energy of your ${stats.energySets} sets at ${stats.energyCurve.length} equal parts from start to end: ${stats.energyCurve.map((v) => v.toFixed(2)).join(', ')}.`}
                points={stats.energyCurve.map((v, i, all) => ({
                  xLabel: i === 0 ? 'start' : i === all.length - 1 ? 'end' : '',
                  y: v,
                  text: `${Math.round(((i + 0.5) / all.length) * 100)} % into the set: energy ${v.toFixed(2)}`,
                }))} />
            )}
          </div>
          <div className="panel wide">
            {months.length === 0 ? <div className="empty">No tempi yet.</div> : (
              <LineChart title="Tempo and key by month" testId="chart-tempo" yUnit="BPM"
                description={`Mean tempo per month with the most used key: ${months.map((m) => `${monthLabel(m.month)} ${m.meanBpm!.toFixed(1)} BPM, ${topValue(m.keys) ?? 'no key'}`).join('; ')}.`}
                points={months.map((m) => ({
                  xLabel: monthLabel(m.month),
                  y: m.meanBpm!,
                  note: topValue(m.keys) ?? undefined,
                  text: `${monthLabel(m.month)}: ${m.meanBpm!.toFixed(1)} BPM, top key ${topValue(m.keys) ?? '–'}`,
                }))} />
            )}
          </div>
          {plugins && (
            <div className="panel wide" data-testid="plugin-stats">
              <div className="panel-title">Plugins (admin)</div>
              {plugins.length === 0 ? <div className="empty">No plugin use recorded yet.</div> : (
                <>
                  <BarChart title="Uses and failures per plugin" testId="chart-plugin-usage" unit="uses"
                    summary={`${plugins.length} plugins`}
                    description={`Uses of each plugin, ok and failed: ${plugins.map((p) => `${p.plugin} ${p.uses - p.failures} ok, ${p.failures} failed`).join('; ')}.`}
                    items={plugins.map((p) => ({ label: p.plugin.replace(/^org\.segue\.plugin\./, ''), segments: [
                      { value: p.uses - p.failures, tone: 'tone-1', name: 'ok' },
                      { value: p.failures, tone: 'tone-bad', name: 'failed' }] }))} />
                  <div className="chart-controls">
                    <label>Latency of
                      <select value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="latency-plugin">
                        {plugins.map((p) => <option key={p.plugin} value={p.plugin}>{p.plugin}</option>)}
                      </select>
                    </label>
                    {plugin && <span className="muted">mean {formatMillis(plugin.meanMillis ?? NaN)} · p95 {formatMillis(plugin.p95Millis ?? NaN)}
                      {plugin.lastFailure ? ` · last failure: ${plugin.lastFailure}` : ''}</span>}
                  </div>
                  {plugin && <Histogram title={`Latency of ${plugin.plugin}`} testId="chart-latency" buckets={plugin.latencyBuckets}
                    p95Millis={plugin.p95Millis} />}
                </>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
