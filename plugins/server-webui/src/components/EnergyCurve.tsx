interface Props {
  values: number[];
  hopSeconds: number;
  durationSeconds: number;
  structure?: { startSeconds: number; endSeconds: number; label: string }[];
}

/** The energy of the track over time as an SVG area, with the structure sections under it. */
export function EnergyCurve({ values, hopSeconds, durationSeconds, structure }: Props) {
  const width = 1000;
  const height = 120;
  if (values.length === 0 || durationSeconds <= 0) {
    return <div className="muted">No energy curve.</div>;
  }
  const x = (t: number) => (t / durationSeconds) * width;
  const points = values.map((v, i) => `${x(i * hopSeconds).toFixed(1)},${(height - Math.max(0, Math.min(1, v)) * (height - 8)).toFixed(1)}`);
  const area = `M0,${height} L${points.join(' L')} L${x((values.length - 1) * hopSeconds).toFixed(1)},${height} Z`;
  return (
    <svg className="energy" viewBox={`0 0 ${width} ${height + 18}`} preserveAspectRatio="none" data-testid="energy-curve">
      <defs>
        <linearGradient id="energyFill" x1="0" x2="0" y1="0" y2="1">
          <stop offset="0%" stopColor="#ff4d8d" stopOpacity="0.85" />
          <stop offset="100%" stopColor="#5b3df5" stopOpacity="0.15" />
        </linearGradient>
      </defs>
      <path d={area} fill="url(#energyFill)" stroke="#ff7ab0" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
      {structure?.map((s, i) => (
        <g key={i}>
          <rect x={x(s.startSeconds)} y={height + 4} width={Math.max(1, x(s.endSeconds) - x(s.startSeconds) - 2)} height={12}
            fill={i % 2 ? '#2b3350' : '#343e63'} rx="2" />
        </g>
      ))}
    </svg>
  );
}
