import { useEffect, useState } from 'react';
import type { PluginInfo } from '../api/types';
import { messageOf, useServices } from '../services';

export function Plugins() {
  const { api } = useServices();
  const [plugins, setPlugins] = useState<PluginInfo[] | null>(null);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    api.get<PluginInfo[]>('/api/plugins').then(setPlugins).catch((e) => setError(messageOf(e)));
  }, [api]);

  const shown = (plugins ?? []).filter((p) => `${p.symbolicName} ${p.name ?? ''}`.toLowerCase().includes(filter.toLowerCase()));
  const failing = (plugins ?? []).filter((p) => p.problem).length;

  return (
    <section className="view plugins">
      <header className="view-head">
        <h1>Plugins</h1>
        <div className="muted">{plugins ? `${plugins.length} bundles · ${failing} with problems` : 'loading…'}</div>
      </header>
      {error && <div className="error" role="alert">{error}</div>}
      <div className="panel">
        <input className="search" placeholder="Filter bundles…" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <table className="plugins-table" data-testid="plugins-table">
          <thead><tr><th>Bundle</th><th>Name</th><th>Version</th><th>State</th><th>Problem</th></tr></thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.symbolicName} className={p.problem ? 'has-problem' : ''} data-symbolic-name={p.symbolicName}>
                <td className="mono">{p.symbolicName}</td>
                <td>{p.name ?? ''}</td>
                <td className="mono">{p.version}</td>
                <td><span className={`state state-${p.state.toLowerCase()}`}>{p.state}</span></td>
                <td className="problem">{p.problem ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
