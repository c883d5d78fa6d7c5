import { useEffect, useState } from 'react';
import { useServices } from '../services';

/**
 * The state of the AudioContext and its clock in the top bar: whether sound can play at all
 * (a browser suspends audio until a click) and that time is moving.
 */
export function AudioStatus() {
  const services = useServices();
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, []);
  if (!services.engineStarted) {
    return <span className="audio-status off" data-testid="audio-status" data-state="none">audio off</span>;
  }
  const ctx = services.engine.ctx;
  return (
    <span className={`audio-status ${ctx.state}`} data-testid="audio-status" data-state={ctx.state} data-time={ctx.currentTime.toFixed(3)}
      title={`AudioContext ${ctx.state}, ${ctx.sampleRate} Hz`}>
      ● audio {ctx.state} · {ctx.currentTime.toFixed(1)} s
    </span>
  );
}
