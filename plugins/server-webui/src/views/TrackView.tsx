import { useEffect, useState } from 'react';
import { normaliseAnalysis, type Analysis, type Track, type Waveform } from '../api/types';
import { messageOf, navigate, useDeck, useServices } from '../services';
import { EnergyCurve } from '../components/EnergyCurve';
import { Spectrum } from '../components/Spectrum';
import { WaveformCanvas } from '../components/WaveformCanvas';
import { clock, fixed } from '../logic/query';
import { RecommendedNext } from './RecommendedNext';

export function TrackView({ id }: { id: string }) {
  const services = useServices();
  const { api } = services;
  const [track, setTrack] = useState<Track | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [waveform, setWaveform] = useState<Waveform | null>(null);
  const [error, setError] = useState('');
  const [loadingAudio, setLoadingAudio] = useState(false);
  const deck = services.engineStarted ? services.engine.preview : null;
  useDeck(deck ?? DUMMY);
  const loaded = deck?.track?.id === id;
  const playing = loaded && deck?.playing;

  useEffect(() => {
    const path = `/api/tracks/${encodeURIComponent(id)}`;
    setError('');
    Promise.all([api.get<Track>(path), api.get<Analysis>(`${path}/analysis`), api.get<Waveform>(`${path}/waveform?points=1600`)])
      .then(([t, a, w]) => {
        setTrack(t);
        setAnalysis(normaliseAnalysis(a));
        setWaveform(w);
      })
      .catch((e) => setError(messageOf(e)));
  }, [api, id]);

  const play = async () => {
    const preview = services.engine.preview;
    try {
      if (preview.track?.id !== id && track) {
        setLoadingAudio(true);
        await services.loadDeck(preview, track);
      }
      await services.engine.resume();
      preview.toggle();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoadingAudio(false);
    }
  };

  const position = () => (loaded && deck ? deck.position() : 0);

  return (
    <section className="view track-view">
      <header className="view-head">
        <div>
          <a href="#/library" className="back">‹ Library</a>
          <h1>{track?.title ?? '…'}</h1>
          <div className="muted">{[track?.artist, track?.album, track?.genre].filter(Boolean).join(' · ')}</div>
        </div>
        <div className="stats">
          <Stat label="BPM" value={fixed(analysis?.tempo.bpm ?? track?.bpm, 1)} testId="stat-bpm" />
          <Stat label="Key" value={analysis?.key?.camelot ?? track?.key ?? '–'} sub={analysis?.key?.name ?? track?.keyName ?? undefined} testId="stat-key" />
          <Stat label="Energy" value={fixed(track?.energy, 2)} />
          <Stat label="Loudness" value={fixed(analysis?.loudness?.integratedLufs ?? track?.loudnessLufs, 1)} sub="LUFS" />
          <Stat label="Length" value={track ? clock(track.durationSeconds) : '–'} />
        </div>
      </header>
      {error && <div className="error" role="alert">{error}</div>}

      <div className="panel">
        <div className="panel-title">Waveform <span className="legend"><i className="lo" />low <i className="mi" />mid <i className="hi" />high <i className="db" />downbeat</span></div>
        <WaveformCanvas waveform={waveform} analysis={analysis} position={position} live={!!playing} testId="track-waveform"
          onSeek={(t) => loaded && deck?.seek(t)} />
        <WaveformCanvas waveform={waveform} analysis={analysis} position={position} live={!!playing} mode="scroll" windowSeconds={10}
          className="zoom" testId="track-scroll" />
        <div className="transport">
          <button className="primary play" onClick={() => void play()} disabled={!track || loadingAudio} data-testid="track-play">
            {loadingAudio ? 'Loading…' : playing ? '❚❚ Pause' : '▶ Play'}
          </button>
          <span className="time">
            <LiveClock position={position} live={!!playing} testId="track-time" /> / {clock(track?.durationSeconds ?? 0)}
          </span>
          <span className="spacer" />
          <button onClick={() => track && void services.loadDeck(services.engine.a, track).then(() => navigate('/decks'))}>Load on deck A</button>
          <button onClick={() => track && void services.loadDeck(services.engine.b, track).then(() => navigate('/decks'))}>Load on deck B</button>
        </div>
      </div>

      <div className="grid-2">
        <div className="panel">
          <div className="panel-title">Spectrum</div>
          <Spectrum analyser={loaded && deck ? deck.analyser : null} live={!!playing} testId="track-spectrum" />
        </div>
        <div className="panel">
          <div className="panel-title">Energy &amp; structure</div>
          {analysis?.energy ? (
            <EnergyCurve values={analysis.energy.values} hopSeconds={analysis.energy.hopSeconds}
              durationSeconds={analysis.durationSeconds} structure={analysis.structure} />
          ) : <div className="muted">No energy curve.</div>}
          {analysis && (
            <div className="facts">
              <span>{analysis.beats.length} beats · {analysis.downbeats.length} bars</span>
              {analysis.mood && <span>mood: valence {fixed(analysis.mood.valence, 2)}, arousal {fixed(analysis.mood.arousal, 2)}</span>}
              {analysis.chords && analysis.chords.length > 0 && (
                <span>chords: {[...new Set(analysis.chords.map((c) => c.label))].slice(0, 8).join(' ')}</span>
              )}
            </div>
          )}
        </div>
      </div>
      <RecommendedNext seed={id} />
    </section>
  );
}

function Stat({ label, value, sub, testId }: { label: string; value: string; sub?: string; testId?: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {sub && <div className="stat-sub">{sub}</div>}
    </div>
  );
}

/** A clock that ticks on its own, so the whole view does not re-render every frame. */
export function LiveClock({ position, live, testId }: { position: () => number; live: boolean; testId?: string }) {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!live) {
      return;
    }
    const timer = setInterval(() => tick((n) => n + 1), 100);
    return () => clearInterval(timer);
  }, [live]);
  const t = position();
  return <span data-testid={testId} data-position={t.toFixed(3)}>{clock(t)}.{Math.floor((t % 1) * 10)}</span>;
}

/** Stands in for the preview deck before the audio engine exists, so hooks run in the same order. */
const DUMMY = { subscribe: () => () => {} } as unknown as import('../audio/deck').Deck;
