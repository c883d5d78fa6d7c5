// Synthesises short dance tracks with a known tempo and key for the end-to-end test, so no audio
// is stored in the repository: a kick on every beat (strongest on the downbeat), an off-beat
// hat, a bass line on the chord roots and a sustained triad per bar. Deterministic (seeded noise).

const RATE = 44100;

const NOTES = { C: 0, 'C#': 1, D: 2, 'D#': 3, E: 4, F: 5, 'F#': 6, G: 7, 'G#': 8, A: 9, 'A#': 10, B: 11 };

function hz(midi) {
  return 440 * Math.pow(2, (midi - 69) / 12);
}

/** Triads (MIDI notes) of a four-chord loop in the key: i–VI–III–VII in minor, I–V–vi–IV in major. */
function progression(tonic, minor) {
  const root = 48 + NOTES[tonic];
  const triad = (offset, isMinor) => [root + offset, root + offset + (isMinor ? 3 : 4), root + offset + 7];
  return minor
    ? [triad(0, true), triad(8, false), triad(3, false), triad(10, false)]
    : [triad(0, false), triad(7, false), triad(9, true), triad(5, false)];
}

/**
 * @param {{bpm:number, tonic:string, minor:boolean, seconds:number, seed:number}} spec
 * @returns {Buffer} a 16-bit stereo PCM WAV file
 */
export function synthTrack({ bpm, tonic, minor, seconds, seed }) {
  const frames = Math.round(seconds * RATE);
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  const beat = 60 / bpm;
  const chords = progression(tonic, minor);
  let state = seed >>> 0 || 1;
  const noise = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2147483648 - 1;
  };

  const beats = Math.floor(seconds / beat);
  for (let b = 0; b < beats; b++) {
    const start = Math.round(b * beat * RATE);
    const downbeat = b % 4 === 0;
    // Kick: a pitch sweep 140 → 45 Hz with a fast decay.
    const kickLength = Math.round(0.28 * RATE);
    let phase = 0;
    for (let i = 0; i < kickLength && start + i < frames; i++) {
      const t = i / RATE;
      phase += (2 * Math.PI * (45 + 95 * Math.exp(-t * 28))) / RATE;
      const v = Math.sin(phase) * Math.exp(-t * 9) * (downbeat ? 0.95 : 0.75);
      left[start + i] += v;
      right[start + i] += v;
    }
    // Hat on the off-beat: differentiated noise (a crude high-pass), short decay.
    const hatStart = start + Math.round((beat / 2) * RATE);
    let last = 0;
    for (let i = 0; i < Math.round(0.06 * RATE) && hatStart + i < frames; i++) {
      const n = noise();
      const v = (n - last) * 0.16 * Math.exp(-(i / RATE) * 60);
      last = n;
      left[hatStart + i] += v;
      right[hatStart + i] += v * 0.8;
    }
  }

  const bar = beat * 4;
  const bars = Math.ceil(seconds / bar);
  for (let k = 0; k < bars; k++) {
    const chord = chords[k % chords.length];
    const start = Math.round(k * bar * RATE);
    const end = Math.min(frames, Math.round((k + 1) * bar * RATE));
    for (let i = start; i < end; i++) {
      const t = (i - start) / RATE;
      const envelope = Math.min(1, t * 20) * Math.min(1, (end - i) / (0.05 * RATE));
      let pad = 0;
      for (const note of chord) {
        const f = hz(note + 12);
        pad += Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t);
      }
      // Bass: the chord root an octave down, on every eighth note.
      const eighth = (t % (beat / 2)) / (beat / 2);
      const bass = Math.sin(2 * Math.PI * hz(chord[0] - 12) * t) * Math.exp(-eighth * 4) * 0.35;
      const v = pad * 0.06 * envelope + bass;
      left[i] += v * 1.05;
      right[i] += v * 0.95;
    }
  }

  const data = Buffer.alloc(frames * 4);
  for (let i = 0; i < frames; i++) {
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, left[i] * 0.7)) * 32767), i * 4);
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, right[i] * 0.7)) * 32767), i * 4 + 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
