import { useRef } from 'react';
import { fitCanvas, useFrame } from './useFrame';

interface Props {
  analyser: AnalyserNode | null;
  live: boolean;
  testId?: string;
}

const BARS = 64;
const LOWEST = 30;
const HIGHEST = 16000;

/**
 * Real-time spectrum of what is playing, from an AnalyserNode: bars on a logarithmic frequency
 * axis (so the bass is not squeezed into a few pixels), coloured low → high like the waveform.
 */
export function Spectrum({ analyser, live, testId }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const bins = useRef<Uint8Array<ArrayBuffer> | null>(null);

  useFrame(() => {
    const fit = fitCanvas(canvas.current);
    if (!fit) {
      return;
    }
    const { g, w, h } = fit;
    g.fillStyle = '#0b0d14';
    g.fillRect(0, 0, w, h);
    g.strokeStyle = 'rgba(255,255,255,0.06)';
    for (let y = h / 4; y < h; y += h / 4) {
      g.fillStyle = 'rgba(255,255,255,0.06)';
      g.fillRect(0, Math.round(y), w, 1);
    }
    if (!analyser) {
      return;
    }
    if (!bins.current || bins.current.length !== analyser.frequencyBinCount) {
      bins.current = new Uint8Array(analyser.frequencyBinCount);
    }
    const data = bins.current;
    analyser.getByteFrequencyData(data);
    const nyquist = analyser.context.sampleRate / 2;
    const barWidth = w / BARS;
    for (let i = 0; i < BARS; i++) {
      const f0 = LOWEST * Math.pow(HIGHEST / LOWEST, i / BARS);
      const f1 = LOWEST * Math.pow(HIGHEST / LOWEST, (i + 1) / BARS);
      const b0 = Math.floor((f0 / nyquist) * data.length);
      const b1 = Math.max(b0 + 1, Math.ceil((f1 / nyquist) * data.length));
      let level = 0;
      for (let b = b0; b < b1 && b < data.length; b++) {
        level = Math.max(level, data[b]);
      }
      const height = (level / 255) * h;
      const hue = 0 + (i / BARS) * 230;
      g.fillStyle = `hsl(${hue}, 90%, ${45 + (level / 255) * 20}%)`;
      g.fillRect(i * barWidth + 1, h - height, Math.max(1, barWidth - 2), height);
    }
  }, live, [analyser]);

  return <canvas ref={canvas} className="spectrum" data-testid={testId} />;
}
