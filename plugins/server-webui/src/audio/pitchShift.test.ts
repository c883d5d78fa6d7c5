import { describe, expect, it } from 'vitest';
import { PitchShifter } from './pitchShift';

const RATE = 48000;

/** Runs a mono signal through the shifter in 128-frame blocks, as an AudioWorklet would. */
function shift(signal: Float32Array, ratio: number): Float32Array {
  const shifter = new PitchShifter(RATE, 1);
  shifter.ratio = ratio;
  const out = new Float32Array(signal.length);
  const block = new Float32Array(128);
  for (let at = 0; at + 128 <= signal.length; at += 128) {
    shifter.process([signal.subarray(at, at + 128)], [block]);
    out.set(block, at);
  }
  return out;
}

function sine(hz: number, seconds: number): Float32Array {
  const s = new Float32Array(Math.round(seconds * RATE));
  for (let i = 0; i < s.length; i++) {
    s[i] = 0.5 * Math.sin((2 * Math.PI * hz * i) / RATE);
  }
  return s;
}

/** Frequency from the count of rising zero crossings over the second half, where the shifter has settled. */
function frequency(x: Float32Array): number {
  const from = Math.floor(x.length / 2);
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = from + 1; i < x.length; i++) {
    if (x[i - 1] < 0 && x[i] >= 0) {
      const at = i - 1 + -x[i - 1] / (x[i] - x[i - 1]);
      if (first < 0) {
        first = at;
      } else {
        count++;
      }
      last = at;
    }
  }
  return (count * RATE) / (last - first);
}

function rms(x: Float32Array, from: number): number {
  let sum = 0;
  for (let i = from; i < x.length; i++) {
    sum += x[i] * x[i];
  }
  return Math.sqrt(sum / (x.length - from));
}

describe('PitchShifter', () => {
  it('undoes a deck played 6 % fast: 440 Hz heard as 440 × 1.06 comes back to 440', () => {
    const fast = sine(440 * 1.06, 2);
    const out = shift(fast, 1 / 1.06);
    expect(frequency(out)).toBeGreaterThan(440 * 0.99);
    expect(frequency(out)).toBeLessThan(440 * 1.01);
  });

  it('shifts down as well as up', () => {
    expect(Math.abs(frequency(shift(sine(500, 2), 0.92)) / 460 - 1)).toBeLessThan(0.01);
    expect(Math.abs(frequency(shift(sine(500, 2), 1.08)) / 540 - 1)).toBeLessThan(0.01);
  });

  it('keeps the level of a chord within 2 dB while shifting', () => {
    // An A major chord over two octaves: each partial beats against its own delayed copy at
    // another phase, so the level holds as it does for music. A single steady tone is this
    // method's worst case.
    const partials = [220, 277.18, 329.63, 440, 554.37, 659.26];
    const input = new Float32Array(2 * RATE);
    for (let i = 0; i < input.length; i++) {
      let x = 0;
      partials.forEach((hz, k) => {
        x += Math.sin((2 * Math.PI * hz * i) / RATE + k * 1.7);
      });
      input[i] = x / partials.length;
    }
    const out = shift(input, 1 / 1.05);
    const ratioDb = 20 * Math.log10(rms(out, input.length / 2) / rms(input, input.length / 2));
    expect(Math.abs(ratioDb)).toBeLessThan(2);
  });

  it('keeps a steady tone steady: the taps are aligned, so no partial combs out', () => {
    // Two taps a fixed half window apart met 220 Hz half a cycle out of step: its level dipped by
    // 10.7 dB twice per window. Ripple here: the loudest over the quietest 10 ms frame, settled.
    for (const hz of [110, 220, 330, 440, 1000]) {
      for (const rate of [1.06, 0.94, 1.02]) {
        const out = shift(sine(hz * rate, 2), 1 / rate);
        let loudest = 0;
        let quietest = Infinity;
        for (let at = RATE; at + 480 <= out.length; at += 480) {
          const level = rms(out.subarray(at, at + 480), 0);
          loudest = Math.max(loudest, level);
          quietest = Math.min(quietest, level);
        }
        const rippleDb = 20 * Math.log10(loudest / quietest);
        expect(rippleDb, `${hz} Hz played at ${rate}×`).toBeLessThan(1.5);
      }
    }
  });

  it('splices without clicks: no step larger than the tone itself makes', () => {
    const input = sine(220 * 1.06, 2);
    const out = shift(input, 1 / 1.06);
    let steepestIn = 0;
    let steepestOut = 0;
    for (let i = RATE + 1; i < out.length; i++) {
      steepestIn = Math.max(steepestIn, Math.abs(input[i] - input[i - 1]));
      steepestOut = Math.max(steepestOut, Math.abs(out[i] - out[i - 1]));
    }
    // 220 Hz is slower than the 233 Hz that went in; a click would be a step many times larger.
    expect(steepestOut).toBeLessThan(steepestIn * 1.1);
  });

  it('passes the input through untouched at ratio 1', () => {
    const input = sine(440, 0.1);
    expect(Array.from(shift(input, 1).subarray(0, 4736))).toEqual(Array.from(input.subarray(0, 4736)));
  });

  it('adds half its window of latency on average, 20 ms by default', () => {
    expect(new PitchShifter(RATE, 2).latencySeconds).toBeCloseTo(0.02, 3);
  });
});
