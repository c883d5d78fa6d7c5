import { useEffect, useState } from 'react';
import type { Arc, Job, Mix, Plan, Style, Track, TrackPage, Transition } from '../api/types';
import { messageOf, useDeck, useServices } from '../services';
import { JobProgress } from '../components/JobProgress';
import { clock, fixed } from '../logic/query';
import { ShareDialog } from './ShareDialog';

const ARCS: { id: Arc; label: string }[] = [
  { id: 'rise', label: 'Rise — build energy to the end' },
  { id: 'peak', label: 'Peak — up, a peak, then down' },
  { id: 'wave', label: 'Wave — rise and fall in waves' },
  { id: 'flat', label: 'Flat — steady energy' },
];

export function Planner() {
  const services = useServices();
  const { api } = services;
  const [tracks, setTracks] = useState<Track[]>([]);
  const [styles, setStyles] = useState<Style[]>([]);
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [style, setStyle] = useState('auto');
  const [arc, setArc] = useState<Arc>('peak');
  const [minutes, setMinutes] = useState('');
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [previews, setPreviews] = useState<Record<number, Job | null>>({});
  const [renderJob, setRenderJob] = useState<Job | null>(null);
  const [mix, setMix] = useState<Mix | null>(null);
  const [mixes, setMixes] = useState<Mix[]>([]);
  const [playingPreview, setPlayingPreview] = useState<number | null>(null);
  const previewDeck = services.engineStarted ? services.engine.preview : null;
  useDeck(previewDeck ?? NO_DECK);

  useEffect(() => {
    api.get<TrackPage>('/api/tracks?offset=0&limit=500').then((p) => setTracks(p.items)).catch((e) => setError(messageOf(e)));
    api.get<Style[]>('/api/styles').then(setStyles).catch((e) => setError(messageOf(e)));
    api.get<Mix[]>('/api/mixes').then(setMixes).catch(() => setMixes([]));
  }, [api]);

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) {
      next.delete(id);
    } else {
      next.add(id);
    }
    setChosen(next);
  };

  const makePlan = async () => {
    setBusy(true);
    setError('');
    setPlan(null);
    setMix(null);
    setRenderJob(null);
    setPreviews({});
    try {
      const body: Record<string, unknown> = all ? { all: true } : { tracks: [...chosen] };
      body.style = style;
      body.arc = arc;
      if (minutes.trim()) {
        const value = Number(minutes);
        if (!(value > 0)) {
          throw new Error(`minutes: "${minutes}" is not a positive number`);
        }
        body.minutes = value;
      }
      setPlan(await api.post<Plan>('/api/mixes/plans', body));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const preview = async (transition: Transition) => {
    if (!plan) {
      return;
    }
    const n = transition.index;
    setError('');
    try {
      await services.engine.resume();
      services.engine.preview.pause();
      const job = await api.post<Job>(`/api/mixes/plans/${encodeURIComponent(plan.id)}/transitions/${n}/preview`);
      setPreviews((p) => ({ ...p, [n]: job }));
      const done = await api.waitForJob(job.id, (j) => setPreviews((p) => ({ ...p, [n]: j })));
      const audio = String(done.result?.audio ?? '');
      if (!audio) {
        throw new Error(`preview of transition ${n} finished without audio`);
      }
      const buffer = await services.engine.decode(await api.bytes(audio));
      const from = plan.tracks.find((t) => t.id === transition.fromTrackId)?.title ?? '?';
      const to = plan.tracks.find((t) => t.id === transition.toTrackId)?.title ?? '?';
      services.engine.preview.load({ id: `preview-${plan.id}-${n}`, title: `${from} → ${to}`, durationSeconds: buffer.duration }, buffer, null, null);
      services.engine.preview.play();
      setPlayingPreview(n);
    } catch (e) {
      setError(`Preview of transition ${n}: ${messageOf(e)}`);
    }
  };

  const render = async () => {
    if (!plan) {
      return;
    }
    setError('');
    setMix(null);
    try {
      const job = await api.post<Job>('/api/mixes', { planId: plan.id });
      setRenderJob(job);
      const done = await api.waitForJob(job.id, setRenderJob);
      const mixId = String(done.result?.mixId ?? '');
      const made = await api.get<Mix>(`/api/mixes/${encodeURIComponent(mixId)}`);
      setMix(made);
      setMixes((m) => [made, ...m.filter((x) => x.id !== made.id)]);
    } catch (e) {
      setError(`Render: ${messageOf(e)}`);
    }
  };

  const title = (id: string) => plan?.tracks.find((t) => t.id === id)?.title ?? id;
  const previewPlaying = (n: number) => playingPreview === n && previewDeck?.playing;

  return (
    <section className="view planner">
      <header className="view-head"><h1>Mix planner</h1></header>
      {error && <div className="error" role="alert">{error}</div>}
      <div className="grid-planner">
        <div className="panel plan-form">
          <div className="panel-title">Set</div>
          <label className="check"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} data-testid="plan-all" /> All tracks of my library ({tracks.length})</label>
          {!all && (
            <div className="choose">
              {tracks.map((t) => (
                <label key={t.id} className="check">
                  <input type="checkbox" checked={chosen.has(t.id)} onChange={() => toggle(t.id)} /> {t.title}
                  <span className="muted"> {fixed(t.bpm, 0)} BPM {t.key}</span>
                </label>
              ))}
            </div>
          )}
          <label>Style
            <select value={style} onChange={(e) => setStyle(e.target.value)} data-testid="plan-style">
              <option value="auto">auto — the best style for each transition</option>
              {styles.map((s) => <option key={s.id} value={s.id} title={s.description}>{s.name}</option>)}
            </select>
          </label>
          <label>Energy arc
            <select value={arc} onChange={(e) => setArc(e.target.value as Arc)} data-testid="plan-arc">
              {ARCS.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
            </select>
          </label>
          <label>Minutes (optional)<input inputMode="decimal" value={minutes} onChange={(e) => setMinutes(e.target.value)} placeholder="whole set" /></label>
          <button className="primary" onClick={() => void makePlan()} disabled={busy || (!all && chosen.size < 2)} data-testid="plan-make">
            {busy ? 'Planning…' : 'Make plan'}
          </button>
        </div>

        <div className="plan-result">
          {!plan && <div className="panel empty">Choose tracks, a style and an arc, then make a plan.</div>}
          {plan && (
            <>
              <div className="panel" data-testid="plan">
                <div className="panel-title">Order · {plan.tracks.length} tracks · {clock(plan.durationSeconds)} · arc {plan.arc}</div>
                <ol className="setlist" data-testid="setlist">
                  {plan.tracks.map((t, i) => (
                    <li key={t.id}><span className="pos">{i + 1}</span><span className="title">{t.title}</span> <span className="muted">{t.artist}</span>
                      <span className="pill">{fixed(t.bpm, 1)} BPM</span>{t.key && <span className={`key key-${t.key.slice(-1)}`}>{t.key}</span>}</li>
                  ))}
                </ol>
              </div>
              <div className="transitions">
                {plan.transitions.map((tr) => (
                  <div key={tr.index} className="panel transition" data-testid={`transition-${tr.index}`}>
                    <div className="transition-head">
                      <span className="badge">#{tr.index}</span>
                      <span className="title">{title(tr.fromTrackId)} → {title(tr.toTrackId)}</span>
                      <span className="pill style">{tr.style}</span>
                      <span className="muted">at {clock(tr.startSeconds)} for {tr.lengthSeconds.toFixed(0)} s{typeof tr.score === 'number' ? ` · score ${tr.score.toFixed(2)}` : ''}</span>
                    </div>
                    <p className="explanation">{tr.explanation}</p>
                    <div className="transition-actions">
                      <button onClick={() => (previewPlaying(tr.index) ? services.engine.preview.pause() : void preview(tr))}
                        data-testid={`preview-${tr.index}`}>{previewPlaying(tr.index) ? '❚❚ Stop preview' : '▶ Preview transition'}</button>
                      {previewPlaying(tr.index) && <span className="playing" data-testid={`preview-${tr.index}-playing`}>playing</span>}
                      <JobProgress job={previews[tr.index] ?? null} label="Rendering preview" testId={`preview-${tr.index}-job`} />
                    </div>
                  </div>
                ))}
              </div>
              <div className="panel render">
                <div className="panel-title">Render</div>
                <button className="primary" onClick={() => void render()} disabled={renderJob?.state === 'running' || renderJob?.state === 'queued'}
                  data-testid="render">Render mix</button>
                <JobProgress job={renderJob} label="Rendering the mix" testId="render-job" />
                {mix && <MixFiles mix={mix} />}
              </div>
            </>
          )}
          {mixes.length > 0 && (
            <div className="panel">
              <div className="panel-title">My mixes</div>
              {mixes.map((m) => <MixFiles key={m.id} mix={m} compact />)}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

function MixFiles({ mix, compact = false }: { mix: Mix; compact?: boolean }) {
  const { api } = useServices();
  const [timeline, setTimeline] = useState<string>('');
  const [error, setError] = useState('');
  const base = `/api/mixes/${encodeURIComponent(mix.id)}`;
  const files: [string, string, string][] = [
    ['audio', mix.files.audio ?? `${base}/audio`, `segue-mix-${mix.id}.wav`],
    ['cue sheet', mix.files.cue ?? `${base}/cue`, `segue-mix-${mix.id}.cue`],
    ['tracklist', mix.files.tracklist ?? `${base}/tracklist`, `segue-mix-${mix.id}.json`],
    ['timeline', mix.files.timeline ?? `${base}/timeline.svg`, `segue-mix-${mix.id}.svg`],
  ];

  useEffect(() => {
    if (compact) {
      return;
    }
    let url = '';
    api.blob(mix.files.timeline ?? `${base}/timeline.svg`)
      .then((b) => { url = URL.createObjectURL(new Blob([b], { type: 'image/svg+xml' })); setTimeline(url); })
      .catch(() => setTimeline(''));
    return () => { if (url) URL.revokeObjectURL(url); };
  }, [api, base, compact, mix.files.timeline]);

  // A plain link cannot carry the bearer token, so the file is fetched and handed over as a blob.
  const download = async (path: string, name: string) => {
    try {
      const blob = await api.blob(path);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <div className={`mix-files ${compact ? 'compact' : ''}`} data-testid={compact ? undefined : 'mix-files'}>
      <div><span className="title">Mix {new Date(mix.createdAt).toLocaleString()}</span>
        <span className="muted"> · {clock(mix.durationSeconds)}{typeof mix.loudnessLufs === 'number' ? ` · ${mix.loudnessLufs.toFixed(1)} LUFS` : ''}</span></div>
      <div className="downloads">
        {files.map(([label, path, name]) => (
          <a key={label} href={`#download:${label}`} className="download" data-path={path}
            onClick={(e) => { e.preventDefault(); void download(path, name); }}>⇩ {label}</a>
        ))}
      </div>
      {error && <div className="error">{error}</div>}
      <ShareDialog mixId={mix.id} />
      {!compact && timeline && <img className="timeline" src={timeline} alt="Mix timeline" />}
      {!compact && mix.tracklist.length > 0 && (
        <ol className="tracklist">
          {mix.tracklist.map((t, i) => <li key={i}><span className="mono">{clock(t.startSeconds)}</span> {t.title} <span className="muted">{t.artist}</span></li>)}
        </ol>
      )}
    </div>
  );
}

const NO_DECK = { subscribe: () => () => {} } as unknown as import('../audio/deck').Deck;
