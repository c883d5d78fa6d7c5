/**
 * The key-lock processor, run on the browser's audio thread (an AudioWorklet module, bundled on
 * its own by Vite). One PitchShifter per node; the `ratio` parameter is set by the deck to the
 * inverse of its playback rate.
 */
import { PitchShifter } from './pitchShift';

// The AudioWorklet global scope, which TypeScript's DOM library does not describe.
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  constructor(options?: unknown);
}
declare function registerProcessor(name: string, processor: unknown): void;

/** The name the deck creates its AudioWorkletNode with. */
const NAME = 'segue-keylock';
const CHANNELS = 2;

class KeyLockProcessor extends AudioWorkletProcessor {
  static get parameterDescriptors() {
    return [{ name: 'ratio', defaultValue: 1, minValue: 0.5, maxValue: 2, automationRate: 'k-rate' }];
  }

  private readonly shifter = new PitchShifter(sampleRate, CHANNELS);

  process(inputs: Float32Array[][], outputs: Float32Array[][], parameters: Record<string, Float32Array>): boolean {
    this.shifter.ratio = parameters.ratio[0];
    // With no input connected (a deck between tracks) the input has no channels: silence.
    this.shifter.process(inputs[0] ?? [], outputs[0]);
    return true;
  }
}

registerProcessor(NAME, KeyLockProcessor);
