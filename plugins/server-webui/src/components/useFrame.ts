import { useEffect, useRef } from 'react';

/** Calls `draw` on every animation frame while `active`, once otherwise (and on resize). */
export function useFrame(draw: () => void, active: boolean, deps: unknown[]): void {
  const drawRef = useRef(draw);
  drawRef.current = draw;
  useEffect(() => {
    let frame = 0;
    const tick = () => {
      drawRef.current();
      if (active) {
        frame = requestAnimationFrame(tick);
      }
    };
    tick();
    const onResize = () => drawRef.current();
    window.addEventListener('resize', onResize);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', onResize);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, ...deps]);
}

/** Sizes a canvas to its CSS box at the screen's pixel density and returns its 2D context. */
export function fitCanvas(canvas: HTMLCanvasElement | null): { g: CanvasRenderingContext2D; w: number; h: number } | null {
  if (!canvas) {
    return null;
  }
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
  const h = Math.max(1, Math.round(canvas.clientHeight * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const g = canvas.getContext('2d');
  return g ? { g, w, h } : null;
}
