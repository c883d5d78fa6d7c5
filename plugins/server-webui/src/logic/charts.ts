/**
 * The arithmetic of the Stats and Play charts, free of React and the DOM so it is unit-tested:
 * axis ranges with round ticks, linear and band scales, latency bucket labels, quantiles of a
 * histogram, donut arcs, progress rings and paging.
 */

/** A round step (1, 2 or 5 times a power of ten) that cuts `span` into about `ticks` parts. */
export function niceStep(span: number, ticks: number): number {
  if (!(span > 0) || !(ticks > 0)) {
    return 1;
  }
  const raw = span / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10;
  return nice * power;
}

export interface Axis {
  lo: number;
  hi: number;
  step: number;
  ticks: number[];
}

/**
 * An axis covering [min, max] that starts and ends on round ticks. A flat range (one value) is
 * widened so the value sits inside rather than on an edge; `zero` pins the axis to start at 0;
 * `whole` keeps ticks on whole numbers (counts: no "1.5 plays").
 */
export function niceAxis(min: number, max: number, ticks = 5, zero = false, whole = false): Axis {
  let a = Math.min(min, max);
  let b = Math.max(min, max);
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    a = 0;
    b = 1;
  }
  if (zero) {
    a = Math.min(0, a);
  }
  if (a === b) {
    const pad = a === 0 ? 1 : Math.abs(a) * 0.05;
    a = zero && a >= 0 ? 0 : a - pad;
    b = b + pad;
  }
  const step = whole ? Math.max(1, niceStep(b - a, ticks)) : niceStep(b - a, ticks);
  const lo = Math.floor(a / step + 1e-9) * step;
  const hi = Math.ceil(b / step - 1e-9) * step;
  const out: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) {
    out.push(Number(v.toFixed(10)));
  }
  return { lo, hi, step, ticks: out };
}

/** Maps [d0, d1] onto [r0, r1] linearly; a degenerate domain maps everything to the middle. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d0 === d1) {
    return () => (r0 + r1) / 2;
  }
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** `n` equal bands over `length` with `gap` (a share of a band, 0..1) between them. */
export function bands(n: number, length: number, gap = 0.2): { size: number; start: (i: number) => number } {
  if (n <= 0) {
    return { size: 0, start: () => 0 };
  }
  const step = length / n;
  const size = step * (1 - gap);
  return { size, start: (i) => i * step + (step - size) / 2 };
}

/** "850 ms", "1.5 s", "0.4 ms". */
export function formatMillis(ms: number): string {
  if (!Number.isFinite(ms)) {
    return '–';
  }
  if (ms >= 1000) {
    const s = ms / 1000;
    return `${Number(s.toFixed(1))} s`;
  }
  return `${ms >= 10 || Number.isInteger(ms) ? Math.round(ms) : ms.toFixed(1)} ms`;
}

/**
 * The label of latency bucket `i` of PluginAnalytics.latencyBuckets: bucket 0 holds uses under
 * 1 ms, bucket i uses of at least 2^(i-1) and under 2^i ms.
 */
export function bucketLabel(i: number): string {
  if (i <= 0) {
    return '< 1 ms';
  }
  const lo = formatMillis(2 ** (i - 1));
  const hi = formatMillis(2 ** i);
  // "8–16 ms" rather than "8 ms–16 ms"; the unit stays on both ends when it changes ("512 ms–1 s").
  const unit = (s: string) => s.slice(s.lastIndexOf(' '));
  return unit(lo) === unit(hi) ? `${lo.slice(0, lo.lastIndexOf(' '))}–${hi}` : `${lo}–${hi}`;
}

/** The first and last non-empty bucket, or null when all are empty: what a histogram shows. */
export function bucketSpan(buckets: number[]): [number, number] | null {
  const first = buckets.findIndex((c) => c > 0);
  if (first < 0) {
    return null;
  }
  let last = buckets.length - 1;
  while (buckets[last] === 0) {
    last--;
  }
  return [first, last];
}

/** The index of the bucket that holds quantile `q` (0..1) of the counts, or -1 when empty. */
export function quantileBucket(buckets: number[], q: number): number {
  const total = buckets.reduce((s, c) => s + c, 0);
  if (total === 0) {
    return -1;
  }
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i];
    if (seen >= rank) {
      return i;
    }
  }
  return buckets.length - 1;
}

/** The bucket a latency in ms falls into, by the same rule as the server's histogram. */
export function bucketOf(ms: number): number {
  if (ms <= 1) {
    return 0;
  }
  return Math.ceil(Math.log2(ms));
}

/** An SVG path of a ring segment from angle a0 to a1 (radians, 0 at 12 o'clock, clockwise). */
export function arcPath(cx: number, cy: number, r: number, inner: number, a0: number, a1: number): string {
  const pt = (radius: number, a: number) => `${(cx + radius * Math.sin(a)).toFixed(2)},${(cy - radius * Math.cos(a)).toFixed(2)}`;
  if (a1 - a0 >= 2 * Math.PI - 1e-9) {
    // An arc whose ends meet draws nothing, so a full ring is two half turns, outside then inside.
    const h = a0 + Math.PI;
    return `M${pt(r, a0)} A${r},${r} 0 1 1 ${pt(r, h)} A${r},${r} 0 1 1 ${pt(r, a0)} Z `
      + `M${pt(inner, a0)} A${inner},${inner} 0 1 0 ${pt(inner, h)} A${inner},${inner} 0 1 0 ${pt(inner, a0)} Z`;
  }
  const large = a1 - a0 > Math.PI ? 1 : 0;
  return `M${pt(r, a0)} A${r},${r} 0 ${large} 1 ${pt(r, a1)} L${pt(inner, a1)} A${inner},${inner} 0 ${large} 0 ${pt(inner, a0)} Z`;
}

/** Start and end angles of each value's share of a full turn; empty values get no sweep. */
export function donutAngles(values: number[]): [number, number][] {
  const total = values.reduce((s, v) => s + Math.max(0, v), 0);
  let a = 0;
  return values.map((v) => {
    const sweep = total > 0 ? (Math.max(0, v) / total) * 2 * Math.PI : 0;
    const out: [number, number] = [a, a + sweep];
    a += sweep;
    return out;
  });
}

/** stroke-dasharray and -dashoffset that draw `fraction` of a circle of radius r. */
export function ringDash(fraction: number, r: number): { dasharray: string; dashoffset: number } {
  const c = 2 * Math.PI * r;
  const f = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  return { dasharray: `${c.toFixed(2)} ${c.toFixed(2)}`, dashoffset: Number((c * (1 - f)).toFixed(2)) };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11" → "Nov 2026"; anything else as given. */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    return month;
  }
  return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** The most frequent value of a count list (ties: the first listed), or null. */
export function topValue(counts: { value: string; count: number }[]): string | null {
  let best: { value: string; count: number } | null = null;
  for (const c of counts) {
    if (!best || c.count > best.count) {
      best = c;
    }
  }
  return best?.value ?? null;
}

/** Where a page of `limit` from `offset` sits among `total`. */
export function pageOf(total: number, offset: number, limit: number) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.min(pages, Math.floor(offset / limit) + 1);
  return {
    page,
    pages,
    prev: offset > 0 ? Math.max(0, offset - limit) : null,
    next: offset + limit < total ? offset + limit : null,
  };
}
