/**
 * Key lock for a deck: playbackRate changes tempo and pitch together, so a deck played at rate r
 * is shifted back by 1/r here to keep its key. A delay-line pitch shifter: two read taps sweep
 * through a short delay window half a window apart, each faded in and out (a raised-cosine pair)
 * so the jump when a tap wraps is silent and the two gains always sum to one.
 *
 * Why this method: it runs per sample with no FFT, no allocation and a fixed latency (half the
 * window on average), which is what the audio thread of a browser can afford for two decks. Its
 * cost is a slight comb colouring; at the ±8 % of a tempo fader that is the usual trade of DJ
 * software's cheaper key lock.
 */
export class PitchShifter {
  /** Delay window in samples. */
  readonly window: number;
  private readonly rings: Float32Array[];
  private readonly mask: number;
  private write = 0;
  private phase = 0;
  /** Output pitch over input pitch; 1 passes the input through untouched. */
  ratio = 1;

  constructor(readonly sampleRate: number, readonly channels: number, windowSeconds = 0.04) {
    if (!(sampleRate > 0) || channels < 1) {
      throw new RangeError(`bad sample rate or channel count: ${sampleRate}, ${channels}`);
    }
    this.window = Math.max(64, Math.round(windowSeconds * sampleRate));
    let size = 1;
    while (size < this.window + 4) {
      size <<= 1;
    }
    this.mask = size - 1;
    this.rings = Array.from({ length: channels }, () => new Float32Array(size));
  }

  /** Mean latency the shifter adds while shifting, in seconds. */
  get latencySeconds(): number {
    return this.window / 2 / this.sampleRate;
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
      const readA = this.write - a * this.window;
      const readB = this.write - b * this.window;
      for (let c = 0; c < channels; c++) {
        const input = inputs[c];
        const ring = this.rings[c];
        ring[this.write] = input ? input[i] : 0;
        outputs[c][i] = gainA * this.read(ring, readA) + gainB * this.read(ring, readB);
      }
      this.write = (this.write + 1) & this.mask;
      let p = this.phase + step;
      if (p >= 1) {
        p -= 1;
      } else if (p < 0) {
        p += 1;
      }
      this.phase = p;
    }
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
