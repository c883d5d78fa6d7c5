/**
 * Key lock for a deck: playbackRate changes tempo and pitch together, so a deck played at rate r
 * is shifted back by 1/r here to keep its key. A delay-line pitch shifter: two read taps sweep
 * through a short delay window, each faded in and out (a raised-cosine pair) so the jump when a
 * tap wraps is silent and the two gains always sum to one.
 *
 * Where a tap lands when it wraps is chosen, not fixed: within a short search range, at the delay
 * whose recent waveform best matches what the other tap, then at full gain, is playing. Two taps a
 * fixed half window apart would meet each partial at whatever phase that distance gives it, and
 * cancel the partials near half a cycle out of step (a comb: a steady 220 Hz tone lost 10 dB
 * twice per window); aligned, the crossfade joins two copies in step (the synchronised overlap-add
 * idea of SOLA, done on the delay line).
 *
 * Why this method: it runs per sample with no FFT, no allocation and a fixed mean latency, which
 * is what the audio thread of a browser can afford for two decks; the search costs a few hundred
 * thousand multiply-adds when a tap wraps, a few times a second at the shifts of a tempo fader.
 */
export class PitchShifter {
  /** Delay window in samples: one sweep of a tap. */
  readonly window: number;
  /** Delays a wrapping tap may start at, 0 to `search` samples, to align with the other tap. */
  readonly search: number;
  /** Samples of recent waveform compared when aligning. */
  private readonly compare: number;
  private readonly rings: Float32Array[];
  private readonly mask: number;
  private write = 0;
  /** Phase of tap A in [0, 1); tap B is half a sweep ahead. */
  private phase = 0;
  /** Where each tap's sweep starts, chosen at its last wrap. */
  private baseA = 0;
  private baseB = 0;
  /** Output pitch over input pitch; 1 passes the input through untouched. */
  ratio = 1;

  constructor(readonly sampleRate: number, readonly channels: number, windowSeconds = 0.03, searchSeconds = 0.01) {
    if (!(sampleRate > 0) || channels < 1) {
      throw new RangeError(`bad sample rate or channel count: ${sampleRate}, ${channels}`);
    }
    this.window = Math.max(64, Math.round(windowSeconds * sampleRate));
    this.search = Math.max(0, Math.round(searchSeconds * sampleRate));
    // About 5 ms: several periods of the partials that comb audibly, few enough to search fast.
    this.compare = Math.max(32, Math.round(0.005 * sampleRate));
    let size = 1;
    while (size < this.window + this.search + this.compare + 4) {
      size <<= 1;
    }
    this.mask = size - 1;
    this.rings = Array.from({ length: channels }, () => new Float32Array(size));
  }

  /** Mean latency the shifter adds while shifting, in seconds. */
  get latencySeconds(): number {
    return (this.window + this.search) / 2 / this.sampleRate;
  }

  /**
   * One block: `inputs[c]` to `outputs[c]`, all of the same length; a missing input channel is
   * silence. Allocates nothing.
   */
  process(inputs: readonly Float32Array[], outputs: Float32Array[]): void {
    const n = outputs.length === 0 ? 0 : outputs[0].length;
    const channels = Math.min(outputs.length, this.rings.length);
    if (this.ratio === 1) {
      for (let c = 0; c < channels; c++) {
        const input = inputs[c];
        const ring = this.rings[c];
        for (let i = 0; i < n; i++) {
          const x = input ? input[i] : 0;
          ring[(this.write + i) & this.mask] = x; // kept, so shifting can start from real history
          outputs[c][i] = x;
        }
      }
      this.write = (this.write + n) & this.mask;
      return;
    }
    const step = (1 - this.ratio) / this.window;
    for (let i = 0; i < n; i++) {
      const a = this.phase;
      const b = a + 0.5 < 1 ? a + 0.5 : a - 0.5;
      const sa = Math.sin(Math.PI * a);
      const gainA = sa * sa; // sin² and cos²: the gains sum to one, so a steady tone keeps its level
      const gainB = 1 - gainA;
      const readA = this.write - this.baseA - a * this.window;
      const readB = this.write - this.baseB - b * this.window;
      for (let c = 0; c < channels; c++) {
        const input = inputs[c];
        const ring = this.rings[c];
        ring[this.write] = input ? input[i] : 0;
        outputs[c][i] = gainA * this.read(ring, readA) + gainB * this.read(ring, readB);
      }
      this.write = (this.write + 1) & this.mask;
      let p = a + step;
      if (p >= 1) {
        p -= 1;
        this.baseA = this.align(p, b + step);
      } else if (p < 0) {
        p += 1;
        this.baseA = this.align(p, b + step);
      } else if (step > 0 ? a < 0.5 && p >= 0.5 : a >= 0.5 && p < 0.5) {
        // Tap B wraps when A crosses one half.
        this.baseB = this.align(p + 0.5 < 1 ? p + 0.5 : p - 0.5, p, true);
      }
      this.phase = p;
    }
  }

  /**
   * The start of a wrapping tap's sweep: the delay in [0, search] at which the waveform just
   * before its read point best matches (normalised correlation) the waveform just before the
   * other tap's, on the sum of the channels.
   *
   * @param phase the wrapping tap's new phase
   * @param otherPhase the other tap's phase
   * @param wrappingB whether the wrapping tap is B (so the other is A)
   */
  private align(phase: number, otherPhase: number, wrappingB = false): number {
    if (this.search === 0) {
      return 0;
    }
    const otherBase = wrappingB ? this.baseA : this.baseB;
    const other = Math.round(this.write - otherBase - otherPhase * this.window);
    const own = Math.round(this.write - phase * this.window);
    let best = 0;
    let bestScore = -Infinity;
    for (let base = 0; base <= this.search; base++) {
      let dot = 0;
      let energy = 1e-9;
      // Every second sample: half the work, and still several points per period of what combs.
      for (let k = 1; k <= this.compare; k += 2) {
        const x = this.mono(own - base - k);
        dot += x * this.mono(other - k);
        energy += x * x;
      }
      const score = dot / Math.sqrt(energy);
      if (score > bestScore) {
        bestScore = score;
        best = base;
      }
    }
    return best;
  }

  private mono(position: number): number {
    const at = position & this.mask;
    let sum = 0;
    for (let c = 0; c < this.rings.length; c++) {
      sum += this.rings[c][at];
    }
    return sum;
  }

  /** Linear interpolation at a fractional position (may be negative: the ring wraps). */
  private read(ring: Float32Array, position: number): number {
    const floor = Math.floor(position);
    const frac = position - floor;
    const i0 = floor & this.mask;
    const i1 = (floor + 1) & this.mask;
    return ring[i0] + (ring[i1] - ring[i0]) * frac;
  }
}
