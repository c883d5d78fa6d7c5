/** The library filters of the search form and the query string of GET /api/tracks they become. */
export interface TrackFilters {
  q: string;
  bpmMin: string;
  bpmMax: string;
  key: string;
  genre: string;
  energyMin: string;
  energyMax: string;
}

export const NO_FILTERS: TrackFilters = { q: '', bpmMin: '', bpmMax: '', key: '', genre: '', energyMin: '', energyMax: '' };

/** Camelot keys in wheel order: 1A, 1B, … 12A, 12B. */
export const CAMELOT_KEYS: readonly string[] = Array.from({ length: 24 }, (_, i) => `${Math.floor(i / 2) + 1}${i % 2 ? 'B' : 'A'}`);

/** A form field that is wrong, named so the form can point at it. */
export class FilterError extends Error {
  constructor(readonly field: keyof TrackFilters, message: string) {
    super(message);
    this.name = 'FilterError';
  }
}

function number(filters: TrackFilters, field: keyof TrackFilters, low: number, high: number): number | undefined {
  const text = filters[field].trim();
  if (text === '') {
    return undefined;
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value < low || value > high) {
    throw new FilterError(field, `${field}: "${text}" is not a number from ${low} to ${high}`);
  }
  return value;
}

function range(filters: TrackFilters, min: keyof TrackFilters, max: keyof TrackFilters, low: number, high: number): string | undefined {
  const from = number(filters, min, low, high);
  const to = number(filters, max, low, high);
  if (from === undefined && to === undefined) {
    return undefined;
  }
  if (from !== undefined && to !== undefined && from > to) {
    throw new FilterError(min, `${min} ${from} is above ${max} ${to}`);
  }
  return `${from ?? low}-${to ?? high}`;
}

/** `?q=…&bpm=120-128&key=8A&genre=…&energy=0.5-1&offset=…&limit=…`, leaving out empty filters. */
export function trackQuery(filters: TrackFilters, offset = 0, limit = 50): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) {
    params.set('q', filters.q.trim());
  }
  const bpm = range(filters, 'bpmMin', 'bpmMax', 0, 400);
  if (bpm) {
    params.set('bpm', bpm);
  }
  const key = filters.key.trim().toUpperCase();
  if (key) {
    if (!CAMELOT_KEYS.includes(key)) {
      throw new FilterError('key', `key: "${filters.key}" is not a Camelot key (1A … 12B)`);
    }
    params.set('key', key);
  }
  if (filters.genre.trim()) {
    params.set('genre', filters.genre.trim());
  }
  const energy = range(filters, 'energyMin', 'energyMax', 0, 1);
  if (energy) {
    params.set('energy', energy);
  }
  params.set('offset', String(offset));
  params.set('limit', String(limit));
  return `?${params.toString()}`;
}

/** 0:00 style time; hours when the mix is that long. */
export function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) {
    return '–:––';
  }
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A number with `digits` decimals, or a dash when the server had none. */
export function fixed(value: number | null | undefined, digits: number): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '–';
}
