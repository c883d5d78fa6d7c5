import { useEffect, useState } from 'react';
import type { Track, TrackPage } from '../api/types';
import { messageOf, useDeck, useServices } from '../services';
import type { Deck } from '../audio/deck';
import { Knob } from '../components/Knob';
import { Spectrum } from '../components/Spectrum';
import { WaveformCanvas } from '../components/WaveformCanvas';
import { TEMPO_RANGE, eqKnobToDb, faderToRate, filterKnob, rateToFader, syncRate } from '../logic/dj';
import { clock } from '../logic/query';
import { LiveClock } from './TrackView';

/** The virtual DJ: two decks, a mixer with 3-band EQ and filter per channel, an equal-power crossfader. */
export function Decks() {
  const services = useServices();
  const engine = services.engine;
  const { api } = services;
  const [tracks, setTracks] = useState<Track[]>([]);
  const [error, setError] = useState('');
  const [crossfader, setCrossfader] = useState(engine.crossfader);
  useDeck(engine.a);
  useDeck(engine.b);

  useEffect(() => {
    api.get<TrackPage>('/api/tracks?offset=0&limit=500').then((p) => setTracks(p.items)).catch((e) => setError(messageOf(e)));
  }, [api]);

  const load = async (deck: Deck, id: string) => {
    const track = tracks.find((t) => t.id === id);
    if (!track) {
      return;
    }
    setError('');
    try {
      await services.loadDeck(deck, track);
    } catch (e) {
      setError(`Deck ${deck.name}: ${messageOf(e)}`);
    }
  };

  const sync = (deck: Deck, other: Deck) => {
    const own = deck.analysis?.tempo.bpm ?? deck.track?.bpm;
    const theirs = other.analysis?.tempo.bpm ?? other.track?.bpm;
    // syncRate names what is missing when a deck has no tempo.
    try {
      deck.setRate(syncRate(own ?? 0, theirs ?? 0, other.rate));
      setError('');
    } catch (e) {
      setError(`Deck ${deck.name}: ${messageOf(e)}`);
    }
  };

  return (
    <section className="view decks">
      <header className="view-head">
        <h1>Virtual DJ</h1>
        <div className="muted">Web Audio: tempo changes pitch, as on vinyl. Drag knobs up/down, double-click to reset.</div>
      </header>
      {error && <div className="error" role="alert">{error}</div>}
      <div className="deck-grid">
        <DeckPanel deck={engine.a} other={engine.b} tracks={tracks} onLoad={load} onSync={sync} />
        <div className="panel mixer">
          <div className="panel-title">Mixer</div>
          <div className="channels">
            <Channel deck={engine.a} />
            <Channel deck={engine.b} />
          </div>
          <div className="crossfader">
            <div className="xf-labels"><span>A</span><span>crossfader</span><span>B</span></div>
            <input type="range" min={0} max={1} step={0.005} value={crossfader} data-testid="crossfader" aria-label="Crossfader"
              onChange={(e) => { const x = Number(e.target.value); engine.setCrossfader(x); setCrossfader(x); }}
              onDoubleClick={() => { engine.setCrossfader(0.5); setCrossfader(0.5); }} />
          </div>
        </div>
        <DeckPanel deck={engine.b} other={engine.a} tracks={tracks} onLoad={load} onSync={sync} />
      </div>
    </section>
  );
}

interface DeckProps {
  deck: Deck;
  other: Deck;
  tracks: Track[];
  onLoad: (deck: Deck, id: string) => Promise<void>;
  onSync: (deck: Deck, other: Deck) => void;
}

function DeckPanel({ deck, other, tracks, onLoad, onSync }: DeckProps) {
  const services = useServices();
  const [loading, setLoading] = useState(false);
  const [keyLockAvailable, setKeyLockAvailable] = useState(false);
  useEffect(() => {
    let live = true;
    void services.engine.keyLockReady.then((ok) => { if (live) setKeyLockAvailable(ok); });
    return () => { live = false; };
  }, [services.engine]);
  const id = deck.name.toLowerCase();
  const bpm = deck.bpm();
  const percent = (deck.rate - 1) * 100;

  return (
    <div className={`panel deck deck-${id}`} data-testid={`deck-${id}`} data-playing={deck.playing ? 'yes' : 'no'}
      data-rate={deck.rate.toFixed(5)} data-track={deck.track?.id ?? ''}>
      <div className="deck-head">
        <span className="deck-letter">{deck.name}</span>
        <div className="deck-title">
          <div className="title">{deck.track?.title ?? 'Empty deck'}</div>
          <div className="muted">{deck.track ? deck.track.artist ?? '' : 'Load a track below'}</div>
        </div>
        <div className="deck-bpm">
          <div className="big" data-testid={`deck-${id}-bpm`}>{bpm ? bpm.toFixed(2) : '–'}</div>
          <div className="muted">BPM {deck.analysis?.key ? `· ${deck.analysis.key.camelot}` : deck.track?.key ? `· ${deck.track.key}` : ''}</div>
        </div>
      </div>
      <WaveformCanvas waveform={deck.waveform} analysis={deck.analysis} position={() => deck.position()} live={deck.playing}
        mode="scroll" windowSeconds={8} className="zoom" cuePoint={deck.cuePoint} testId={`deck-${id}-scroll`} />
      <WaveformCanvas waveform={deck.waveform} analysis={deck.analysis} position={() => deck.position()} live={deck.playing}
        cuePoint={deck.cuePoint} onSeek={(t) => deck.seek(t)} className="mini" />
      <div className="deck-time">
        <LiveClock position={() => deck.position()} live={deck.playing} testId={`deck-${id}-time`} />
        <span className="muted">−{clock(Math.max(0, deck.duration - deck.position()))}</span>
      </div>
      <div className="transport">
        <button className="cue" onClick={() => deck.cue()} disabled={!deck.buffer} data-testid={`deck-${id}-cue`}>CUE</button>
        <button className={`play ${deck.playing ? 'on' : ''}`} disabled={!deck.buffer} data-testid={`deck-${id}-play`}
          onClick={() => void services.engine.resume().then(() => deck.toggle())}>{deck.playing ? '❚❚' : '▶'}</button>
        <button className="sync" disabled={!deck.buffer || !other.buffer} data-testid={`deck-${id}-sync`}
          onClick={() => onSync(deck, other)}>SYNC</button>
        <button className={`keylock ${deck.keyLock ? 'on' : ''}`} disabled={!keyLockAvailable} aria-pressed={deck.keyLock}
          data-testid={`deck-${id}-keylock`} onClick={() => deck.setKeyLock(!deck.keyLock)}
          title={keyLockAvailable ? 'Key lock: keep the key while the tempo changes'
            : 'Key lock needs a secure page (https, or http on this machine)'}>KEY</button>
      </div>
      <div className="tempo">
        <label>Tempo <span data-testid={`deck-${id}-tempo`}>{percent >= 0 ? '+' : ''}{percent.toFixed(2)} %</span></label>
        <input type="range" min={-1} max={1} step={0.0025} value={rateToFader(deck.rate)} aria-label={`Deck ${deck.name} tempo`}
          data-testid={`deck-${id}-tempo-fader`} onChange={(e) => deck.setRate(faderToRate(Number(e.target.value)))}
          onDoubleClick={() => deck.setRate(1)} />
        <div className="tempo-scale muted"><span>−{TEMPO_RANGE * 100} %</span><span>0</span><span>+{TEMPO_RANGE * 100} %</span></div>
      </div>
      <Spectrum analyser={deck.analyser} live={deck.playing} testId={`deck-${id}-spectrum`} />
      <select className="deck-load" value="" disabled={loading} data-testid={`deck-${id}-load`}
        onChange={(e) => { setLoading(true); void onLoad(deck, e.target.value).finally(() => setLoading(false)); }}>
        <option value="">{loading ? 'Loading…' : 'Load a track…'}</option>
        {tracks.map((t) => <option key={t.id} value={t.id}>{t.title}{t.bpm ? ` · ${t.bpm.toFixed(0)} BPM` : ''}{t.key ? ` · ${t.key}` : ''}</option>)}
      </select>
    </div>
  );
}

function Channel({ deck }: { deck: Deck }) {
  const id = deck.name.toLowerCase();
  const db = (v: number) => `${eqKnobToDb(v).toFixed(1)} dB`;
  const filter = (v: number) => {
    const s = filterKnob(v);
    return s.type === 'bypass' ? 'off' : `${s.type === 'lowpass' ? 'LP' : 'HP'} ${Math.round(s.frequency)} Hz`;
  };
  return (
    <div className="channel">
      <div className="channel-name">{deck.name}</div>
      <Knob label="HIGH" value={deck.eq.high} onChange={(v) => deck.setEq('high', v)} format={db} testId={`eq-${id}-high`} />
      <Knob label="MID" value={deck.eq.mid} onChange={(v) => deck.setEq('mid', v)} format={db} testId={`eq-${id}-mid`} />
      <Knob label="LOW" value={deck.eq.low} onChange={(v) => deck.setEq('low', v)} format={db} testId={`eq-${id}-low`} />
      <Knob label="FILTER" value={deck.filterPosition} onChange={(v) => deck.setFilter(v)} format={filter} testId={`filter-${id}`} />
      <div className="filter-readout muted" data-testid={`filter-${id}-readout`}>{filter(deck.filterPosition)}</div>
    </div>
  );
}
