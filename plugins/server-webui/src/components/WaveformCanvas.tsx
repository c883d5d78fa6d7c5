import { useMemo, useRef } from 'react';
import type { Analysis, Waveform } from '../api/types';
import { bandColour, normaliseBands, rgbCss } from '../logic/colour';
import { fitCanvas, useFrame } from './useFrame';

interface Props {
  waveform: Waveform | null;
  analysis?: Analysis | null;
  /** Seconds into the track now (read every frame while `live`). */
  position?: () => number;
  /** 'overview' shows the whole track; 'scroll' a window around the playhead that moves with it. */
  mode?: 'overview' | 'scroll';
  windowSeconds?: number;
  live?: boolean;
  cuePoint?: number;
  onSeek?: (seconds: number) => void;
  className?: string;
  testId?: string;
}

const BACKGROUND = '#0b0d14';

/**
 * The track as DJ software draws it: one column per pixel, its height the peak, its colour the
 * mix of the low, mid and high bands (see bandColour), with the beat grid (downbeats brighter
 * and numbered by bar) and the playhead on top.
 */
export function WaveformCanvas(props: Props) {
  const { analysis, position, mode = 'overview', windowSeconds = 8, live = false, cuePoint, onSeek } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const waveform = useMemo(() => (props.waveform ? normaliseBands(props.waveform) : null), [props.waveform]);

  useFrame(() => {
    const fit = fitCanvas(canvas.current);
    if (!fit) {
      return;
    }
    const { g, w, h } = fit;
    g.fillStyle = BACKGROUND;
    g.fillRect(0, 0, w, h);
    if (!waveform || waveform.points === 0 || waveform.durationSeconds <= 0) {
      g.fillStyle = '#3a4055';
      g.fillRect(0, h / 2, w, 1);
      return;
    }
    const now = position ? position() : 0;
    const duration = waveform.durationSeconds;
    const span = mode === 'scroll' ? windowSeconds : duration;
    const start = mode === 'scroll' ? now - span / 2 : 0;
    const toX = (t: number) => ((t - start) / span) * w;
    const perPoint = duration / waveform.points;
    const mid = h / 2;

    for (let x = 0; x < w; x++) {
      const t0 = start + (x / w) * span;
      const t1 = start + ((x + 1) / w) * span;
      if (t1 < 0 || t0 > duration) {
        continue;
      }
      let i0 = Math.floor(Math.max(0, t0) / perPoint);
      let i1 = Math.ceil(Math.min(duration, t1) / perPoint);
      i0 = Math.min(i0, waveform.points - 1);
      i1 = Math.max(i0 + 1, Math.min(i1, waveform.points));
      let peak = 0, low = 0, midBand = 0, high = 0;
      for (let i = i0; i < i1; i++) {
        peak = Math.max(peak, waveform.peak[i] ?? 0);
        low = Math.max(low, waveform.low[i] ?? 0);
        midBand = Math.max(midBand, waveform.mid[i] ?? 0);
        high = Math.max(high, waveform.high[i] ?? 0);
      }
      const half = Math.max(1, peak * (mid - 2));
      g.fillStyle = rgbCss(bandColour(low, midBand, high, peak));
      g.fillRect(x, mid - half, 1, half * 2);
      // The low band again as a darker core, so kicks stand out as on a club screen.
      const core = Math.max(0, low * (mid - 2) * 0.55);
      if (core > 1) {
        g.fillStyle = 'rgba(8,10,18,0.35)';
        g.fillRect(x, mid - core, 1, core * 2);
      }
    }

    if (analysis) {
      const beatSpacing = analysis.beats.length > 1 ? ((analysis.beats[1] - analysis.beats[0]) / span) * w : 0;
      if (beatSpacing > 4) {
        g.fillStyle = 'rgba(255,255,255,0.22)';
        for (const beat of analysis.beats) {
          const x = toX(beat);
          if (x >= 0 && x < w) {
            g.fillRect(Math.round(x), 0, 1, h);
          }
        }
      }
      const dpr = window.devicePixelRatio || 1;
      g.font = `${10 * dpr}px ui-monospace, monospace`;
      const barSpacing = analysis.downbeats.length > 1 ? ((analysis.downbeats[1] - analysis.downbeats[0]) / span) * w : 0;
      const every = barSpacing > 0 ? Math.max(1, Math.ceil((8 * dpr) / barSpacing)) : 1;
      analysis.downbeats.forEach((downbeat, bar) => {
        if (bar % every !== 0) {
          return;
        }
        const x = toX(downbeat);
        if (x >= 0 && x < w) {
          g.fillStyle = 'rgba(255,196,61,0.85)';
          g.fillRect(Math.round(x), 0, Math.max(1, dpr), h * 0.16);
          g.fillRect(Math.round(x), h * 0.84, Math.max(1, dpr), h * 0.16);
          if (barSpacing * every > 28 * dpr) {
            g.fillText(String(bar + 1), x + 3 * dpr, 11 * dpr);
          }
        }
      });
    }

    if (cuePoint !== undefined) {
      const x = toX(cuePoint);
      g.fillStyle = '#ff9d00';
      g.beginPath();
      g.moveTo(x - 5, 0);
      g.lineTo(x + 5, 0);
      g.lineTo(x, 7);
      g.fill();
    }
    if (position) {
      const x = mode === 'scroll' ? w / 2 : toX(now);
      if (mode === 'overview') {
        g.fillStyle = 'rgba(11,13,20,0.45)';
        g.fillRect(0, 0, x, h);
      }
      g.fillStyle = '#ffffff';
      g.fillRect(Math.round(x) - 1, 0, 2, h);
    }
  }, live, [waveform, analysis, mode, windowSeconds, cuePoint]);

  const seek = (event: React.MouseEvent<HTMLCanvasElement>) => {
    if (!onSeek || !waveform) {
      return;
    }
    const box = event.currentTarget.getBoundingClientRect();
    const fraction = (event.clientX - box.left) / box.width;
    if (mode === 'overview') {
      onSeek(fraction * waveform.durationSeconds);
    } else {
      const now = position ? position() : 0;
      onSeek(now + (fraction - 0.5) * windowSeconds);
    }
  };

  return (
    <canvas
      ref={canvas}
      className={`waveform ${mode} ${props.className ?? ''}`}
      data-testid={props.testId}
      onClick={seek}
    />
  );
}
