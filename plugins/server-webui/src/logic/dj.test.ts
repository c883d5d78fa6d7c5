import { describe, expect, it } from 'vitest';
import {
  EQ_BOOST_DB, EQ_KILL_DB, FILTER_DEAD_ZONE, crossfaderGains, eqKnobToDb, faderToRate, filterKnob, rateToFader, syncRate,
} from './dj';

describe('syncRate', () => {
  it('plays a 120 BPM track at the tempo of a 128 BPM one', () => {
    expect(syncRate(120, 128)).toBeCloseTo(128 / 120, 12);
    expect(120 * syncRate(120, 128)).toBeCloseTo(128, 9);
  });

  it('follows the other deck as it is heard, its own rate included', () => {
    const rate = syncRate(126, 128, 0.97);
    expect(126 * rate).toBeCloseTo(128 * 0.97, 9);
  });

  it('matches tempi an octave apart half or double time', () => {
    expect(syncRate(64, 128)).toBeCloseTo(1, 12);
    expect(syncRate(170, 87)).toBeCloseTo(174 / 170, 12);
  });

  it('refuses tempi it cannot match', () => {
    expect(() => syncRate(0, 128)).toThrow(/positive/);
    expect(() => syncRate(120, Number.NaN)).toThrow(RangeError);
  });
});

describe('tempo fader', () => {
  it('maps ±1 to ±8 % and back', () => {
    expect(faderToRate(0)).toBe(1);
    expect(faderToRate(1)).toBeCloseTo(1.08, 12);
    expect(faderToRate(-1)).toBeCloseTo(0.92, 12);
    expect(faderToRate(3)).toBeCloseTo(1.08, 12);
    for (const p of [-1, -0.25, 0, 0.6, 1]) {
      expect(rateToFader(faderToRate(p))).toBeCloseTo(p, 12);
    }
    expect(rateToFader(1.5)).toBe(1);
  });
});

describe('crossfaderGains', () => {
  it('is deck A alone at 0 and deck B alone at 1', () => {
    expect(crossfaderGains(0).a).toBeCloseTo(1, 12);
    expect(crossfaderGains(0).b).toBeCloseTo(0, 12);
    expect(crossfaderGains(1).a).toBeCloseTo(0, 12);
    expect(crossfaderGains(1).b).toBeCloseTo(1, 12);
  });

  it('keeps the power constant, -3 dB each in the middle', () => {
    for (let x = 0; x <= 1.0001; x += 0.05) {
      const { a, b } = crossfaderGains(x);
      expect(a * a + b * b).toBeCloseTo(1, 12);
    }
    const middle = crossfaderGains(0.5);
    expect(20 * Math.log10(middle.a)).toBeCloseTo(-3.0103, 3);
    expect(middle.a).toBeCloseTo(middle.b, 12);
  });

  it('moves monotonically and clamps out-of-range positions', () => {
    let last = crossfaderGains(0);
    for (let x = 0.1; x <= 1; x += 0.1) {
      const now = crossfaderGains(x);
      expect(now.a).toBeLessThan(last.a);
      expect(now.b).toBeGreaterThan(last.b);
      last = now;
    }
    expect(crossfaderGains(-2)).toEqual(crossfaderGains(0));
    expect(crossfaderGains(9)).toEqual(crossfaderGains(1));
  });
});

describe('eqKnobToDb', () => {
  it('is flat at the centre, kills at the left, boosts at the right', () => {
    expect(eqKnobToDb(0)).toBe(0);
    expect(eqKnobToDb(-1)).toBe(EQ_KILL_DB);
    expect(eqKnobToDb(1)).toBe(EQ_BOOST_DB);
    expect(eqKnobToDb(-0.5)).toBe(EQ_KILL_DB / 2);
    expect(eqKnobToDb(0.5)).toBe(EQ_BOOST_DB / 2);
    expect(eqKnobToDb(-7)).toBe(EQ_KILL_DB);
  });
});

describe('filterKnob', () => {
  it('is off around the centre', () => {
    expect(filterKnob(0).type).toBe('bypass');
    expect(filterKnob(FILTER_DEAD_ZONE / 2).type).toBe('bypass');
    expect(filterKnob(-FILTER_DEAD_ZONE / 2).type).toBe('bypass');
  });

  it('closes a low-pass to the left and opens a high-pass to the right', () => {
    expect(filterKnob(-1)).toMatchObject({ type: 'lowpass' });
    expect(filterKnob(-1).frequency).toBeCloseTo(80, 6);
    expect(filterKnob(-0.05).frequency).toBeGreaterThan(15000);
    expect(filterKnob(1)).toMatchObject({ type: 'highpass' });
    expect(filterKnob(1).frequency).toBeCloseTo(10000, 6);
    expect(filterKnob(0.05).frequency).toBeLessThan(30);
  });

  it('sweeps the cutoff exponentially: equal turns, equal intervals', () => {
    const f = (k: number) => filterKnob(k).frequency;
    const a = FILTER_DEAD_ZONE + (1 - FILTER_DEAD_ZONE) * 0.25;
    const b = FILTER_DEAD_ZONE + (1 - FILTER_DEAD_ZONE) * 0.5;
    const c = FILTER_DEAD_ZONE + (1 - FILTER_DEAD_ZONE) * 0.75;
    expect(f(b) / f(a)).toBeCloseTo(f(c) / f(b), 9);
    expect(f(-a) / f(-b)).toBeCloseTo(f(-b) / f(-c), 9);
    let last = f(-FILTER_DEAD_ZONE - 0.001);
    for (let k = -0.1; k >= -1; k -= 0.1) {
      expect(f(k)).toBeLessThan(last);
      last = f(k);
    }
  });
});
