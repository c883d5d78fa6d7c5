import { describe, expect, it } from 'vitest';
import { BRIGHTNESS_FLOOR, SILENT, bandColour, normaliseBands } from './colour';

describe('bandColour', () => {
  it('paints a pure low band red, mid green, high blue at full brightness', () => {
    expect(bandColour(1, 0, 0, 1)).toEqual([255, 0, 0]);
    expect(bandColour(0, 0.8, 0, 1)).toEqual([0, 255, 0]);
    expect(bandColour(0, 0, 0.3, 1)).toEqual([0, 0, 255]);
  });

  it('mixes bands in proportion to the loudest one', () => {
    const [r, g, b] = bandColour(0.8, 0.4, 0.2, 1);
    expect(r).toBe(255);
    expect(g).toBe(128); // 0.4 / 0.8 of full
    expect(b).toBe(64); // 0.2 / 0.8
  });

  it('keeps the hue but dims with the peak, never below the floor', () => {
    const quiet = bandColour(0.1, 0.05, 0, 0);
    expect(quiet[0]).toBe(Math.round(BRIGHTNESS_FLOOR * 255));
    expect(quiet[1]).toBe(Math.round(0.5 * BRIGHTNESS_FLOOR * 255));
    expect(quiet[2]).toBe(0);
    const half = bandColour(1, 1, 1, 0.5);
    const expected = Math.round((BRIGHTNESS_FLOOR + (1 - BRIGHTNESS_FLOOR) * 0.5) * 255);
    expect(half).toEqual([expected, expected, expected]);
  });

  it('gives silence its own colour and survives bad numbers', () => {
    expect(bandColour(0, 0, 0, 0)).toBe(SILENT);
    expect(bandColour(Number.NaN, -1, 0, 1)).toBe(SILENT);
    expect(bandColour(5, 0, 0, 7)).toEqual([255, 0, 0]);
  });
});

describe('normaliseBands', () => {
  it('scales each band to its own loudest column, so a quiet band still colours', () => {
    const raw = { points: 3, low: [0.9, 0.45, 0.9], mid: [0.2, 0.1, 0], high: [0.02, 0.05, 0.01] };
    const n = normaliseBands(raw);
    expect(n.low).toEqual([1, 0.5, 1]);
    expect(n.mid).toEqual([1, 0.5, 0]);
    expect(n.high[1]).toBe(1);
    expect(n.high[0]).toBeCloseTo(0.4, 12);
    expect(n.points).toBe(3);
    // Raw, the hat column is red; scaled, its highs show as blue.
    expect(bandColour(raw.low[1], raw.mid[1], raw.high[1], 1)[2]).toBeLessThan(30);
    expect(bandColour(n.low[1], n.mid[1], n.high[1], 1)[2]).toBe(255);
  });

  it('leaves a silent band silent and ignores bad numbers', () => {
    const n = normaliseBands({ low: [0, 0], mid: [Number.NaN, 0.5], high: [0, 0] });
    expect(n.low).toEqual([0, 0]);
    expect(n.mid).toEqual([0, 1]);
    expect(n.high).toEqual([0, 0]);
  });
});
