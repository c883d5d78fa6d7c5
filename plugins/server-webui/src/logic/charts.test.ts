import { describe, expect, it } from 'vitest';
import {
  arcPath, bands, bucketLabel, bucketOf, bucketSpan, donutAngles, formatMillis, linear, monthLabel, niceAxis,
  niceStep, pageOf, quantileBucket, ringDash, topValue,
} from './charts';

describe('axes', () => {
  it('steps are 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(1, 5)).toBeCloseTo(0.2);
    expect(niceStep(37, 5)).toBe(10);
    expect(niceStep(0.07, 4)).toBeCloseTo(0.02);
    expect(niceStep(700, 5)).toBe(200);
  });

  it('cover the data and start and end on a tick', () => {
    const a = niceAxis(118.4, 131.2, 5);
    expect(a.lo).toBeLessThanOrEqual(118.4);
    expect(a.hi).toBeGreaterThanOrEqual(131.2);
    expect(a.ticks[0]).toBe(a.lo);
    expect(a.ticks[a.ticks.length - 1]).toBeCloseTo(a.hi);
    expect(a).toMatchObject({ lo: 115, hi: 135, step: 5 });
    expect(a.ticks).toEqual([115, 120, 125, 130, 135]);
  });

  it('keep counts on whole ticks', () => {
    expect(niceAxis(0, 2, 4, true).ticks).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(niceAxis(0, 2, 4, true, true).ticks).toEqual([0, 1, 2]);
    expect(niceAxis(0, 37, 4, true, true)).toMatchObject({ lo: 0, hi: 40, step: 10 });
  });

  it('start at zero for counts and widen a single value', () => {
    expect(niceAxis(3, 17, 4, true)).toMatchObject({ lo: 0, hi: 20, step: 5 });
    const flat = niceAxis(124, 124, 5);
    expect(flat.lo).toBeLessThan(124);
    expect(flat.hi).toBeGreaterThan(124);
    expect(niceAxis(0, 0, 5, true)).toMatchObject({ lo: 0, hi: 1 });
    expect(niceAxis(NaN, NaN)).toMatchObject({ lo: 0, hi: 1 });
  });

  it('linear scales map ends to ends, and a flat domain to the middle', () => {
    const y = linear(0, 1, 100, 0);
    expect(y(0)).toBe(100);
    expect(y(1)).toBe(0);
    expect(y(0.25)).toBe(75);
    expect(linear(5, 5, 0, 10)(5)).toBe(5);
  });

  it('bands split a length evenly with gaps', () => {
    const b = bands(4, 200, 0.2);
    expect(b.size).toBe(40);
    expect(b.start(0)).toBe(5);
    expect(b.start(3)).toBe(155);
    expect(b.start(3) + b.size).toBeLessThanOrEqual(200);
    expect(bands(0, 200).size).toBe(0);
  });
});

describe('latency histogram', () => {
  it('labels power-of-two buckets as the server fills them', () => {
    expect(bucketLabel(0)).toBe('< 1 ms');
    expect(bucketLabel(1)).toBe('1–2 ms');
    expect(bucketLabel(4)).toBe('8–16 ms');
    expect(bucketLabel(10)).toBe('512 ms–1 s');
    expect(bucketLabel(11)).toBe('1–2 s');
    expect(formatMillis(1536)).toBe('1.5 s');
    expect(formatMillis(0.25)).toBe('0.3 ms');
  });

  it('puts a latency in the bucket whose label holds it', () => {
    expect(bucketOf(0.4)).toBe(0);
    expect(bucketOf(1)).toBe(0);
    expect(bucketOf(1.5)).toBe(1);
    expect(bucketOf(2)).toBe(1);
    expect(bucketOf(40)).toBe(6); // 32–64 ms
    expect(bucketLabel(bucketOf(40))).toBe('32–64 ms');
  });

  it('shows only the span with uses', () => {
    expect(bucketSpan([0, 0, 3, 0, 1, 0, 0])).toEqual([2, 4]);
    expect(bucketSpan([0, 0])).toBeNull();
    expect(bucketSpan([5])).toEqual([0, 0]);
  });

  it('finds the bucket of the 95th percentile', () => {
    // 100 uses: 90 in bucket 3, 5 in bucket 5, 5 in bucket 7 → the 95th is the last of bucket 5.
    const b = [0, 0, 0, 90, 0, 5, 0, 5];
    expect(quantileBucket(b, 0.95)).toBe(5);
    expect(quantileBucket(b, 0.96)).toBe(7);
    expect(quantileBucket(b, 0.5)).toBe(3);
    expect(quantileBucket([0, 0], 0.95)).toBe(-1);
    expect(quantileBucket([0, 1], 0)).toBe(1);
  });
});

describe('donut and rings', () => {
  it('share a full turn in proportion', () => {
    const [kept, skipped] = donutAngles([3, 1]);
    expect(kept[0]).toBe(0);
    expect(kept[1]).toBeCloseTo(1.5 * Math.PI);
    expect(skipped[0]).toBeCloseTo(kept[1]);
    expect(skipped[1]).toBeCloseTo(2 * Math.PI);
    expect(donutAngles([0, 0])).toEqual([[0, 0], [0, 0]]);
  });

  it('draws arcs from 12 o\'clock clockwise, a full one without collapsing', () => {
    const quarter = arcPath(50, 50, 40, 20, 0, Math.PI / 2);
    expect(quarter.startsWith('M50.00,10.00 A40,40 0 0 1 90.00,50.00')).toBe(true);
    const full = arcPath(50, 50, 40, 20, 0, 2 * Math.PI);
    // Through the bottom and back, outside then inside (drawn with fill-rule evenodd).
    expect(full).toContain('M50.00,10.00 A40,40 0 1 1 50.00,90.00 A40,40 0 1 1 50.00,10.00');
    expect(full).toContain('M50.00,30.00 A20,20 0 1 0 50.00,70.00');
  });

  it('rings show the fraction earned, clamped', () => {
    const r = 20;
    const c = 2 * Math.PI * r;
    expect(ringDash(0, r).dashoffset).toBeCloseTo(c, 1);
    expect(ringDash(1, r).dashoffset).toBe(0);
    expect(ringDash(0.25, r).dashoffset).toBeCloseTo(c * 0.75, 1);
    expect(ringDash(3, r).dashoffset).toBe(0);
    expect(ringDash(NaN, r).dashoffset).toBeCloseTo(c, 1);
  });
});

describe('labels and pages', () => {
  it('names months and the top key', () => {
    expect(monthLabel('2026-11')).toBe('Nov 2026');
    expect(monthLabel('2026-13')).toBe('2026-13');
    expect(topValue([{ value: '8A', count: 2 }, { value: '9A', count: 5 }, { value: '4B', count: 5 }])).toBe('9A');
    expect(topValue([])).toBeNull();
  });

  it('pages never go before the start or past the end', () => {
    expect(pageOf(25, 0, 10)).toEqual({ page: 1, pages: 3, prev: null, next: 10 });
    expect(pageOf(25, 20, 10)).toEqual({ page: 3, pages: 3, prev: 10, next: null });
    expect(pageOf(0, 0, 10)).toEqual({ page: 1, pages: 1, prev: null, next: null });
    expect(pageOf(25, 5, 10).prev).toBe(0);
  });
});
