/**
 * Colour of one waveform column from the band peaks of /api/tracks/{id}/waveform.
 *
 * Red carries the lows (< 250 Hz), green the mids (250–4000 Hz), blue the highs (> 4000 Hz),
 * as DJ software does, so a kick reads red, vocals green and hats blue. Each channel is the
 * band's share of the loudest band (so the hue says which band dominates even in quiet
 * passages) and the brightness follows the overall peak, never falling below a floor so quiet
 * columns stay visible on the dark background.
 */
export type Rgb = readonly [number, number, number];

/** Brightness of a silent column relative to a full-scale one. */
export const BRIGHTNESS_FLOOR = 0.35;

/** Colour of a column whose bands are all silent. */
export const SILENT: Rgb = [60, 64, 80];

function unit(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

export function bandColour(low: number, mid: number, high: number, peak: number): Rgb {
  const l = unit(low);
  const m = unit(mid);
  const h = unit(high);
  const loudest = Math.max(l, m, h);
  if (loudest === 0) {
    return SILENT;
  }
  const brightness = BRIGHTNESS_FLOOR + (1 - BRIGHTNESS_FLOOR) * unit(peak);
  const channel = (band: number) => Math.round((band / loudest) * brightness * 255);
  return [channel(l), channel(m), channel(h)];
}

export function rgbCss([r, g, b]: Rgb): string {
  return `rgb(${r},${g},${b})`;
}

export interface Bands {
  readonly low: readonly number[];
  readonly mid: readonly number[];
  readonly high: readonly number[];
}

/**
 * Scales each band by its own loudest column over the whole track. Music carries far more energy
 * in the lows than in the highs, so raw band peaks would paint nearly every column red; scaled,
 * a column's colour says which bands are busy *for this track*, and hats and vocals show up.
 * A band that is silent throughout stays silent.
 */
export function normaliseBands<T extends Bands>(waveform: T): T {
  const scale = (band: readonly number[]) => {
    let top = 0;
    for (const v of band) {
      if (Number.isFinite(v) && v > top) {
        top = v;
      }
    }
    return top > 0 ? band.map((v) => (Number.isFinite(v) ? v / top : 0)) : band.map(() => 0);
  };
  return { ...waveform, low: scale(waveform.low), mid: scale(waveform.mid), high: scale(waveform.high) };
}
