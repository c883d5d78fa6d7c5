import { crossfaderGains, eqKnobToDb, filterKnob } from '../logic/dj';
import keyLockUrl from './keylock.worklet.ts?worker&url';
import type { Analysis, Track, Waveform } from '../api/types';

/**
 * One virtual deck on Web Audio: a decoded track played by an AudioBufferSourceNode
 * (sources are one-shot, so every play or seek starts a new one), then a 3-band EQ of
 * BiquadFilters (low shelf 250 Hz, peak 1 kHz, high shelf 4 kHz, the bands of the waveform),
 * the DJ filter, the channel gain the crossfader sets, and an analyser for the meters.
 * playbackRate changes tempo and pitch together, as a turntable does; with key lock on, a
 * pitch shifter (an AudioWorklet, see pitchShift.ts) between the source and the EQ shifts the
 * pitch back by 1/rate, so the track keeps its key at any tempo.
 */
export class Deck {
  readonly low: BiquadFilterNode;
  readonly mid: BiquadFilterNode;
  readonly high: BiquadFilterNode;
  readonly filter: BiquadFilterNode;
  readonly fader: GainNode;
  readonly analyser: AnalyserNode;

  track: Track | null = null;
  analysis: Analysis | null = null;
  waveform: Waveform | null = null;
  buffer: AudioBuffer | null = null;
  cuePoint = 0;
  rate = 1;
  eq = { low: 0, mid: 0, high: 0 };
  filterPosition = 0;
  /** Whether key lock is on; only possible when the engine's worklet loaded (see AudioEngine.keyLockReady). */
  keyLock = false;
  private keyLockNode: AudioWorkletNode | null = null;

  private source: AudioBufferSourceNode | null = null;
  private startedAt = 0;
  private offset = 0;
  private listeners = new Set<() => void>();

  constructor(readonly name: string, private readonly ctx: AudioContext, destination: AudioNode) {
    this.low = ctx.createBiquadFilter();
    this.low.type = 'lowshelf';
    this.low.frequency.value = 250;
    this.mid = ctx.createBiquadFilter();
    this.mid.type = 'peaking';
    this.mid.frequency.value = 1000;
    this.mid.Q.value = 0.7;
    this.high = ctx.createBiquadFilter();
    this.high.type = 'highshelf';
    this.high.frequency.value = 4000;
    this.filter = ctx.createBiquadFilter();
    this.fader = ctx.createGain();
    this.analyser = ctx.createAnalyser();
    this.analyser.fftSize = 2048;
    this.analyser.smoothingTimeConstant = 0.75;
    this.low.connect(this.mid).connect(this.high).connect(this.filter).connect(this.fader).connect(this.analyser);
    this.analyser.connect(destination);
    this.setFilter(0);
  }

  get playing(): boolean {
    return this.source !== null;
  }

  get duration(): number {
    return this.buffer?.duration ?? 0;
  }

  /** Seconds into the track, as heard now. */
  position(): number {
    if (!this.source) {
      return this.offset;
    }
    return Math.min(this.duration, this.offset + (this.ctx.currentTime - this.startedAt) * this.rate);
  }

  load(track: Track, buffer: AudioBuffer, analysis: Analysis | null, waveform: Waveform | null): void {
    this.stopSource();
    this.track = track;
    this.buffer = buffer;
    this.analysis = analysis;
    this.waveform = waveform;
    this.offset = 0;
    this.cuePoint = analysis?.downbeats?.[0] ?? analysis?.beats?.[0] ?? 0;
    this.changed();
  }

  play(): void {
    if (!this.buffer || this.source) {
      return;
    }
    if (this.offset >= this.duration - 0.01) {
      this.offset = 0;
    }
    const source = this.ctx.createBufferSource();
    source.buffer = this.buffer;
    source.playbackRate.value = this.rate;
    source.connect(this.keyLock && this.keyLockNode ? this.keyLockNode : this.low);
    source.onended = () => {
      if (this.source === source) {
        this.offset = this.position();
        this.source = null;
        this.changed();
      }
    };
    this.startedAt = this.ctx.currentTime;
    source.start(0, this.offset);
    this.source = source;
    this.changed();
  }

  pause(): void {
    if (this.source) {
      this.offset = this.position();
      this.stopSource();
      this.changed();
    }
  }

  toggle(): void {
    if (this.playing) {
      this.pause();
    } else {
      this.play();
    }
  }

  /** CDJ cue: while playing, back to the cue point and stop; while stopped, the cue point moves here. */
  cue(): void {
    if (this.playing) {
      this.stopSource();
      this.offset = this.cuePoint;
    } else {
      this.cuePoint = this.snapToBeat(this.offset);
      this.offset = this.cuePoint;
    }
    this.changed();
  }

  seek(seconds: number): void {
    const wasPlaying = this.playing;
    this.stopSource();
    this.offset = Math.max(0, Math.min(this.duration, seconds));
    if (wasPlaying) {
      this.play();
    } else {
      this.changed();
    }
  }

  setRate(rate: number): void {
    if (this.source) {
      // Re-anchor so the position stays continuous across the change of speed.
      this.offset = this.position();
      this.startedAt = this.ctx.currentTime;
      this.source.playbackRate.setValueAtTime(rate, this.ctx.currentTime);
    }
    this.rate = rate;
    this.keyLockNode?.parameters.get('ratio')?.setValueAtTime(1 / rate, this.ctx.currentTime);
    this.changed();
  }

  /**
   * Turns key lock on or off: the pitch shifter goes between the source and the EQ. The node is
   * made once and kept; a playing source is rewired at once, so the change is heard immediately.
   */
  setKeyLock(on: boolean): void {
    if (on && !this.keyLockNode) {
      this.keyLockNode = new AudioWorkletNode(this.ctx, 'segue-keylock', {
        numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [2],
      });
      this.keyLockNode.connect(this.low);
    }
    const node = this.keyLockNode;
    if (!node) {
      return;
    }
    node.parameters.get('ratio')?.setValueAtTime(1 / this.rate, this.ctx.currentTime);
    if (this.source) {
      this.source.disconnect();
      this.source.connect(on ? node : this.low);
    }
    // Off, sources go straight to the EQ again; the idle node is kept for the next time.
    this.keyLock = on;
    this.changed();
  }

  /** Tempo as heard: the analysed BPM times the playback rate. */
  bpm(): number | undefined {
    const base = this.analysis?.tempo?.bpm ?? this.track?.bpm;
    return base ? base * this.rate : undefined;
  }

  setEq(band: 'low' | 'mid' | 'high', knob: number): void {
    this.eq = { ...this.eq, [band]: knob };
    this[band].gain.setTargetAtTime(eqKnobToDb(knob), this.ctx.currentTime, 0.01);
    this.changed();
  }

  setFilter(knob: number): void {
    const setting = filterKnob(knob);
    this.filterPosition = knob;
    this.filter.type = setting.type === 'highpass' ? 'highpass' : 'lowpass';
    this.filter.frequency.setTargetAtTime(Math.min(setting.frequency, this.ctx.sampleRate / 2), this.ctx.currentTime, 0.01);
    this.filter.Q.setTargetAtTime(setting.q, this.ctx.currentTime, 0.01);
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private snapToBeat(seconds: number): number {
    const beats = this.analysis?.beats;
    if (!beats || beats.length === 0) {
      return seconds;
    }
    let best = beats[0];
    for (const beat of beats) {
      if (Math.abs(beat - seconds) < Math.abs(best - seconds)) {
        best = beat;
      }
    }
    return Math.abs(best - seconds) < 0.25 ? best : seconds;
  }

  private stopSource(): void {
    const source = this.source;
    this.source = null;
    if (source) {
      source.onended = null;
      try {
        source.stop();
      } catch {
        // already stopped
      }
      source.disconnect();
    }
  }

  private changed(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }
}

/**
 * The audio graph of the app: one AudioContext (browsers allow few, and it may only start
 * after a click), deck A and B through the crossfader, and a preview player for the track view
 * and the mix planner that bypasses the crossfader.
 */
export class AudioEngine {
  readonly ctx: AudioContext;
  readonly master: GainNode;
  readonly a: Deck;
  readonly b: Deck;
  readonly preview: Deck;
  crossfader = 0.5;
  /**
   * Resolves true once the key-lock worklet is loaded. Browsers give AudioWorklet only to secure
   * pages (https, or http on loopback); elsewhere key lock is unavailable and the decks say so.
   */
  readonly keyLockReady: Promise<boolean>;

  constructor() {
    this.ctx = new AudioContext({ latencyHint: 'interactive' });
    this.master = this.ctx.createGain();
    this.master.connect(this.ctx.destination);
    this.a = new Deck('A', this.ctx, this.master);
    this.b = new Deck('B', this.ctx, this.master);
    this.preview = new Deck('Preview', this.ctx, this.master);
    this.setCrossfader(0.5);
    this.keyLockReady = this.ctx.audioWorklet
      ? this.ctx.audioWorklet.addModule(keyLockUrl).then(() => true, () => false)
      : Promise.resolve(false);
  }

  /** Browsers keep a new AudioContext suspended until a user gesture; every play button calls this. */
  async resume(): Promise<void> {
    if (this.ctx.state !== 'running') {
      await this.ctx.resume();
    }
  }

  setCrossfader(position: number): void {
    this.crossfader = position;
    const gains = crossfaderGains(position);
    this.a.fader.gain.setTargetAtTime(gains.a, this.ctx.currentTime, 0.005);
    this.b.fader.gain.setTargetAtTime(gains.b, this.ctx.currentTime, 0.005);
  }

  decode(bytes: ArrayBuffer): Promise<AudioBuffer> {
    return this.ctx.decodeAudioData(bytes);
  }
}
