import { useRef } from 'react';

interface Props {
  label: string;
  value: number;
  min?: number;
  max?: number;
  /** Where the arc starts from: 0 for bipolar knobs (EQ, filter), min for others. */
  centre?: number;
  onChange: (value: number) => void;
  format?: (value: number) => string;
  testId?: string;
}

/**
 * A rotary knob: drag up/down (or use the wheel or arrow keys), double-click to reset to the
 * centre. It is an <input type=range> underneath, so it stays accessible and scriptable.
 */
export function Knob({ label, value, min = -1, max = 1, centre = 0, onChange, format, testId }: Props) {
  const drag = useRef<{ y: number; value: number } | null>(null);
  const span = max - min;
  const angle = -135 + ((value - min) / span) * 270;
  const arc = (v: number) => -135 + ((v - min) / span) * 270;
  const polar = (deg: number, r: number) => {
    const rad = ((deg - 90) * Math.PI) / 180;
    return `${24 + r * Math.cos(rad)},${24 + r * Math.sin(rad)}`;
  };
  const a0 = Math.min(arc(centre), angle);
  const a1 = Math.max(arc(centre), angle);
  const large = a1 - a0 > 180 ? 1 : 0;
  const set = (v: number) => onChange(Math.min(max, Math.max(min, v)));

  return (
    <label className="knob" title={`${label}: ${format ? format(value) : value.toFixed(2)}`}>
      <svg
        viewBox="0 0 48 48"
        onPointerDown={(e) => {
          drag.current = { y: e.clientY, value };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          if (drag.current) {
            set(drag.current.value + ((drag.current.y - e.clientY) / 120) * span);
          }
        }}
        onPointerUp={() => (drag.current = null)}
        onDoubleClick={() => set(centre)}
        onWheel={(e) => set(value - Math.sign(e.deltaY) * span * 0.05)}
      >
        <circle cx="24" cy="24" r="19" className="knob-ring" />
        {a1 - a0 > 0.5 && <path d={`M${polar(a0, 19)} A19,19 0 ${large} 1 ${polar(a1, 19)}`} className="knob-arc" />}
        <circle cx="24" cy="24" r="14" className="knob-body" />
        <line x1="24" y1="24" x2={polar(angle, 12).split(',')[0]} y2={polar(angle, 12).split(',')[1]} className="knob-pointer" />
      </svg>
      <input
        type="range" min={min} max={max} step={span / 200} value={value} aria-label={label} data-testid={testId}
        onChange={(e) => set(Number(e.target.value))}
      />
      <span>{label}</span>
    </label>
  );
}
