import { describe, expect, it } from 'vitest';
import { CAMELOT_KEYS, FilterError, NO_FILTERS, clock, fixed, trackQuery } from './query';

describe('trackQuery', () => {
  it('sends only the filters that are set', () => {
    expect(trackQuery(NO_FILTERS)).toBe('?offset=0&limit=50');
    const query = new URLSearchParams(trackQuery({ ...NO_FILTERS, q: ' deep house ', bpmMin: '120', bpmMax: '128', key: '8a', energyMin: '0.5' }, 50, 25));
    expect(query.get('q')).toBe('deep house');
    expect(query.get('bpm')).toBe('120-128');
    expect(query.get('key')).toBe('8A');
    expect(query.get('energy')).toBe('0.5-1');
    expect(query.get('genre')).toBeNull();
    expect(query.get('offset')).toBe('50');
    expect(query.get('limit')).toBe('25');
  });

  it('names the field that is wrong', () => {
    const bad = (filters: Partial<typeof NO_FILTERS>, field: string) => {
      try {
        trackQuery({ ...NO_FILTERS, ...filters });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(FilterError);
        expect((error as FilterError).field).toBe(field);
      }
    };
    bad({ bpmMin: 'fast' }, 'bpmMin');
    bad({ bpmMin: '130', bpmMax: '120' }, 'bpmMin');
    bad({ energyMax: '2' }, 'energyMax');
    bad({ key: '13A' }, 'key');
  });
});

describe('CAMELOT_KEYS and clock', () => {
  it('lists the 24 keys of the wheel', () => {
    expect(CAMELOT_KEYS).toHaveLength(24);
    expect(CAMELOT_KEYS.slice(0, 3)).toEqual(['1A', '1B', '2A']);
    expect(CAMELOT_KEYS[23]).toBe('12B');
  });

  it('formats seconds as a clock', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(61.9)).toBe('1:01');
    expect(clock(3725)).toBe('1:02:05');
    expect(clock(Number.NaN)).toBe('–:––');
  });

  it('shows a dash for numbers the server left out', () => {
    expect(fixed(123.456, 1)).toBe('123.5');
    expect(fixed(0, 2)).toBe('0.00');
    expect(fixed(null, 1)).toBe('–');
    expect(fixed(undefined, 1)).toBe('–');
    expect(fixed(Number.POSITIVE_INFINITY, 1)).toBe('–');
  });
});
