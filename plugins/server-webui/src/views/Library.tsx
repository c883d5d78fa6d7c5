import { useCallback, useEffect, useRef, useState } from 'react';
import type { Job, Track, TrackPage } from '../api/types';
import { messageOf, navigate, useServices } from '../services';
import { JobProgress } from '../components/JobProgress';
import { CAMELOT_KEYS, FilterError, NO_FILTERS, clock, fixed, trackQuery, type TrackFilters } from '../logic/query';

const PAGE = 50;

/** What the progress bar shows while the file is still on its way, before the server made a job. */
const UPLOADING: Job = { id: '', kind: 'analyse', state: 'queued', progress: 0, createdAt: '', message: 'uploading…' };

export function Library() {
  const services = useServices();
  const { api } = services;
  const [filters, setFilters] = useState<TrackFilters>(NO_FILTERS);
  const [page, setPage] = useState<TrackPage | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState('');
  const [badField, setBadField] = useState<string>('');
  const [loading, setLoading] = useState(false);
  const [upload, setUpload] = useState<{ name: string; job: Job | null; error?: string } | null>(null);
  const [deckMessage, setDeckMessage] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  const search = useCallback(async (f: TrackFilters, from: number) => {
    let query: string;
    try {
      query = trackQuery(f, from, PAGE);
      setBadField('');
    } catch (e) {
      if (e instanceof FilterError) {
        setBadField(e.field);
      }
      setError(messageOf(e));
      return;
    }
    setLoading(true);
    try {
      setPage(await api.get<TrackPage>(`/api/tracks${query}`));
      setOffset(from);
      setError('');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void search(NO_FILTERS, 0);
  }, [search]);

  const set = (field: keyof TrackFilters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setFilters({ ...filters, [field]: e.target.value });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void search(filters, 0);
  };

  const uploadFile = async (file: File) => {
    setUpload({ name: file.name, job: null });
    try {
      const job = await api.upload(`/api/tracks?filename=${encodeURIComponent(file.name)}`, file);
      setUpload({ name: file.name, job });
      await api.waitForJob(job.id, (j) => setUpload({ name: file.name, job: j }));
      await search(filters, offset);
    } catch (e) {
      // The bar shows the failure too, whether the upload or the analysis failed.
      setUpload((u) => ({ name: file.name, job: { ...(u?.job ?? UPLOADING), state: 'failed' }, error: messageOf(e) }));
    } finally {
      if (fileInput.current) {
        fileInput.current.value = '';
      }
    }
  };

  const toDeck = async (track: Track, which: 'a' | 'b') => {
    setDeckMessage(`Loading “${track.title}” on deck ${which.toUpperCase()}…`);
    try {
      await services.loadDeck(services.engine[which], track);
      navigate('/decks');
    } catch (e) {
      setDeckMessage(messageOf(e));
    }
  };

  const inputClass = (field: string) => (badField === field ? 'bad' : '');
  const genres = page?.facets?.genre ?? [];

  return (
    <section className="view library">
      <header className="view-head">
        <h1>Library</h1>
        <div className="actions">
          <input ref={fileInput} type="file" accept="audio/*,.wav,.flac,.mp3,.ogg,.aiff,.aif" data-testid="upload-input"
            onChange={(e) => e.target.files?.[0] && void uploadFile(e.target.files[0])} hidden />
          <button className="primary" onClick={() => fileInput.current?.click()}>⇪ Upload track</button>
        </div>
      </header>

      {upload && (
        <div className="panel upload">
          <JobProgress job={upload.job ?? UPLOADING}
            label={`Analysing ${upload.name}`} testId="upload-job" />
          {upload.error && <div className="error" role="alert">{upload.error}</div>}
        </div>
      )}

      <form className="panel filters" onSubmit={submit} data-testid="search-form">
        <input className={`search ${inputClass('q')}`} placeholder="Search title, artist, album, genre…" value={filters.q} onChange={set('q')} name="q" />
        <div className="filter-row">
          <label>BPM
            <span className="range">
              <input className={inputClass('bpmMin')} inputMode="decimal" placeholder="min" value={filters.bpmMin} onChange={set('bpmMin')} name="bpmMin" />
              –
              <input className={inputClass('bpmMax')} inputMode="decimal" placeholder="max" value={filters.bpmMax} onChange={set('bpmMax')} name="bpmMax" />
            </span>
          </label>
          <label>Key
            <select value={filters.key} onChange={set('key')} name="key" className={inputClass('key')}>
              <option value="">any</option>
              {CAMELOT_KEYS.map((k) => <option key={k} value={k}>{k}</option>)}
            </select>
          </label>
          <label>Genre
            <select value={filters.genre} onChange={set('genre')} name="genre">
              <option value="">any</option>
              {genres.map((g) => <option key={g.value} value={g.value}>{g.value} ({g.count})</option>)}
              {filters.genre && !genres.some((g) => g.value === filters.genre) && <option value={filters.genre}>{filters.genre}</option>}
            </select>
          </label>
          <label>Energy
            <span className="range">
              <input className={inputClass('energyMin')} inputMode="decimal" placeholder="0" value={filters.energyMin} onChange={set('energyMin')} name="energyMin" />
              –
              <input className={inputClass('energyMax')} inputMode="decimal" placeholder="1" value={filters.energyMax} onChange={set('energyMax')} name="energyMax" />
            </span>
          </label>
          <button type="submit" className="primary">{loading ? 'Searching…' : 'Search'}</button>
          <button type="button" onClick={() => { setFilters(NO_FILTERS); void search(NO_FILTERS, 0); }}>Clear</button>
        </div>
      </form>

      {error && <div className="error" role="alert">{error}</div>}
      {deckMessage && <div className="notice">{deckMessage}</div>}

      <div className="panel table-wrap">
        <table className="tracks" data-testid="track-table">
          <thead>
            <tr><th>Title</th><th>Artist</th><th>Genre</th><th className="num">BPM</th><th>Key</th><th>Energy</th><th className="num">Time</th><th /></tr>
          </thead>
          <tbody>
            {page?.items.map((t) => (
              <tr key={t.id} data-track-id={t.id}>
                <td><a href={`#/track/${encodeURIComponent(t.id)}`} className="title">{t.title}</a></td>
                <td>{t.artist ?? ''}</td>
                <td>{t.genre ?? ''}</td>
                <td className="num">{t.bpm ? t.bpm.toFixed(1) : '–'}</td>
                <td>{t.key ? <span className={`key key-${t.key.slice(-1)}`} title={t.keyName ?? undefined}>{t.key}</span> : '–'}</td>
                <td><div className="energy-bar" title={fixed(t.energy, 2)}><div style={{ width: `${Math.round((t.energy ?? 0) * 100)}%` }} /></div></td>
                <td className="num">{clock(t.durationSeconds)}</td>
                <td className="row-actions">
                  <button className="small" onClick={() => void toDeck(t, 'a')} title="Load on deck A">A</button>
                  <button className="small" onClick={() => void toDeck(t, 'b')} title="Load on deck B">B</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page && page.items.length === 0 && <div className="empty">No tracks match. Upload one, or clear the filters.</div>}
      </div>
      {page && page.total > PAGE && (
        <div className="pager">
          <button disabled={offset === 0} onClick={() => void search(filters, Math.max(0, offset - PAGE))}>‹ Previous</button>
          <span>{offset + 1}–{Math.min(page.total, offset + PAGE)} of {page.total}</span>
          <button disabled={offset + PAGE >= page.total} onClick={() => void search(filters, offset + PAGE)}>Next ›</button>
        </div>
      )}
      {page && <div className="muted count" data-testid="track-count">{page.total} track{page.total === 1 ? '' : 's'}</div>}
    </section>
  );
}
