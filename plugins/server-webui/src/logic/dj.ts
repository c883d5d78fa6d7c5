/**
 * The arithmetic of the virtual decks, apart from Web Audio so it can be tested: tempo sync,
 * the tempo fader, the equal-power crossfader, the EQ knobs and the filter knob.
 */

/** Tempo fader range, as on a club turntable: ±8 % by default, ±16 % wide. */
export const TEMPO_RANGE = 0.08;

/**
 * The playbackRate that makes a deck playing a track of `ownBpm` beat with the other deck,
 * whose track of `otherBpm` plays at `otherRate`. Tempi an octave apart are matched half or
 * double time (a 64 BPM track syncs to 128 at rate 1, not 2), as a DJ would: of the other
 * deck's tempo, half of it and twice it, the one closest to this track's tempo is chosen.
 */
export function syncRate(ownBpm: number, otherBpm: number, otherRate = 1): number {
  if (!(ownBpm > 0) || !(otherBpm > 0) || !(otherRate > 0)) {
    throw new RangeError(`cannot sync: tempi must be positive (own ${ownBpm}, other ${otherBpm}, rate ${otherRate})`);
  }
  const heard = otherBpm * otherRate;
  let best = heard;
  for (const candidate of [heard / 2, heard * 2]) {
    if (Math.abs(Math.log(candidate / ownBpm)) < Math.abs(Math.log(best / ownBpm))) {
      best = candidate;
    }
  }
  return best / ownBpm;
}

/** Tempo fader position in [-1, 1] → playbackRate. */
export function faderToRate(position: number, range = TEMPO_RANGE): number {
  return 1 + clamp(position, -1, 1) * range;
}

/** playbackRate → tempo fader position in [-1, 1] (clamped: sync may ask for more than the fader shows). */
export function rateToFader(rate: number, range = TEMPO_RANGE): number {
  return clamp((rate - 1) / range, -1, 1);
}

/**
 * Equal-power crossfader: position 0 is deck A alone, 1 deck B alone. The gains are cos/sin of
 * a quarter turn, so gainA² + gainB² = 1 and the loudness of two uncorrelated tracks stays
 * constant across the fade (a linear fade dips 3 dB in the middle).
 */
export function crossfaderGains(position: number): { a: number; b: number } {
  const angle = clamp(position, 0, 1) * (Math.PI / 2);
  return { a: Math.cos(angle), b: Math.sin(angle) };
}

/** Deepest cut of an EQ knob: a full kill, as on a DJ mixer's isolator. */
export const EQ_KILL_DB = -40;
/** Largest boost of an EQ knob. */
export const EQ_BOOST_DB = 6;

/** EQ knob in [-1, 1] (0 = flat) → shelf/peak gain in dB: the left half cuts to a kill, the right half boosts. */
export function eqKnobToDb(knob: number): number {
  const k = clamp(knob, -1, 1);
  return k < 0 ? -k * EQ_KILL_DB : k * EQ_BOOST_DB;
}

export interface FilterSetting {
  readonly type: 'lowpass' | 'highpass' | 'bypass';
  /** Cutoff in Hz (for bypass, the Nyquist-safe frequency the idle low-pass sits at). */
  readonly frequency: number;
  readonly q: number;
}

/** Knob positions closer to the centre than this leave the sound untouched. */
export const FILTER_DEAD_ZONE = 0.03;
const LOW_PASS_OPEN = 20000;
const LOW_PASS_CLOSED = 80;
const HIGH_PASS_OPEN = 20;
const HIGH_PASS_CLOSED = 10000;
/** A little resonance, as DJ filters have; more would whistle. */
const FILTER_Q = 1.2;

/**
 * The one-knob DJ filter: turning left closes a low-pass from 20 kHz down to 80 Hz, turning
 * right opens a high-pass from 20 Hz up to 10 kHz; the centre is off. The cutoff moves
 * exponentially with the knob because pitch is heard logarithmically: equal turns sweep
 * equal musical intervals.
 */
export function filterKnob(knob: number): FilterSetting {
  const k = clamp(knob, -1, 1);
  if (Math.abs(k) < FILTER_DEAD_ZONE) {
    return { type: 'bypass', frequency: LOW_PASS_OPEN, q: 0.707 };
  }
  const amount = (Math.abs(k) - FILTER_DEAD_ZONE) / (1 - FILTER_DEAD_ZONE);
  if (k < 0) {
    return { type: 'lowpass', frequency: LOW_PASS_OPEN * Math.pow(LOW_PASS_CLOSED / LOW_PASS_OPEN, amount), q: FILTER_Q };
  }
  return { type: 'highpass', frequency: HIGH_PASS_OPEN * Math.pow(HIGH_PASS_CLOSED / HIGH_PASS_OPEN, amount), q: FILTER_Q };
}

export function clamp(value: number, low: number, high: number): number {
  if (Number.isNaN(value)) {
    return (low + high) / 2;
  }
  return Math.min(high, Math.max(low, value));
}
