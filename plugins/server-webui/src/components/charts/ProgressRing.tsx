import { ringDash } from '../../logic/charts';
import './charts.css';

interface Props {
  fraction: number;
  label: string;
  earned: boolean;
  size?: number;
}

/** A ring filled to the fraction done, clockwise from the top, with the percentage inside. */
export function ProgressRing({ fraction, label, earned, size = 64 }: Props) {
  const r = size / 2 - 6;
  const dash = ringDash(fraction, r);
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <svg className={`ring${earned ? ' earned' : ''}`} width={size} height={size} viewBox={`0 0 ${size} ${size}`} role="img"
      aria-label={`${label}: ${earned ? 'earned' : `${percent} % done`}`} data-fraction={fraction}>
      <title>{`${label}: ${earned ? 'earned' : `${percent} % done`}`}</title>
      <circle cx={size / 2} cy={size / 2} r={r} className="ring-track" />
      <circle cx={size / 2} cy={size / 2} r={r} className="ring-fill" strokeDasharray={dash.dasharray}
        strokeDashoffset={dash.dashoffset} transform={`rotate(-90 ${size / 2} ${size / 2})`} />
      <text x={size / 2} y={size / 2} textAnchor="middle" dominantBaseline="central" className="ring-text">
        {earned ? '★' : `${percent}%`}
      </text>
    </svg>
  );
}
