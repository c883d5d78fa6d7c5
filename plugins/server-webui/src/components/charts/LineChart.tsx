import { linear, niceAxis } from '../../logic/charts';
import { ChartFrame, hoverable } from './ChartFrame';

export interface LinePoint {
  /** Shown under the axis for this point, or '' for none. */
  xLabel: string;
  y: number;
  /** What hovering the point says. */
  text: string;
  /** Written above the point (e.g. the month's top key). */
  note?: string;
}

interface Props {
  title: string;
  description: string;
  points: LinePoint[];
  testId: string;
  /** Fixed y range, e.g. [0, 1] for energy; else round ticks around the data. */
  yDomain?: [number, number];
  yUnit: string;
  area?: boolean;
  summary?: string;
}

const HEIGHT = 240;
const LEFT = 48;
const RIGHT = 20;
const TOP = 26;
const BOTTOM = 30;

/** Points over evenly spaced x positions joined by a line, optionally filled down to the axis. */
export function LineChart({ title, description, points, testId, yDomain, yUnit, area, summary }: Props) {
  const ys = points.map((p) => p.y);
  const axis = yDomain
    ? { lo: yDomain[0], hi: yDomain[1], ticks: [0, 0.25, 0.5, 0.75, 1].map((f) => yDomain[0] + f * (yDomain[1] - yDomain[0])) }
    : niceAxis(Math.min(...ys), Math.max(...ys), 4);
  const y = linear(axis.lo, axis.hi, HEIGHT - BOTTOM, TOP);
  return (
    <ChartFrame title={title} description={description} height={HEIGHT} testId={testId} summary={summary}>
      {(readout, WIDTH) => {
        const x = linear(0, Math.max(1, points.length - 1), LEFT + 24, WIDTH - RIGHT - 24);
        const px = (i: number) => (points.length === 1 ? (LEFT + WIDTH - RIGHT) / 2 : x(i));
        const line = points.map((p, i) => `${i ? 'L' : 'M'}${px(i).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ');
        const fill = points.length > 1 ? `${line} L${px(points.length - 1).toFixed(1)},${HEIGHT - BOTTOM} L${px(0).toFixed(1)},${HEIGHT - BOTTOM} Z` : '';
        return (
        <>
          <defs>
            <linearGradient id={`${testId}-fill`} x1="0" x2="0" y1="0" y2="1">
              <stop offset="0%" stopColor="#ff4d8d" stopOpacity="0.55" />
              <stop offset="100%" stopColor="#5b3df5" stopOpacity="0.05" />
            </linearGradient>
          </defs>
          {axis.ticks.map((t) => (
            <g key={t} className="tick">
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(t)} y2={y(t)} className="grid" />
              <text x={LEFT - 6} y={y(t)} textAnchor="end" dominantBaseline="middle">{Number(t.toFixed(2))}</text>
            </g>
          ))}
          <text x={12} y={TOP - 12} className="axis-unit">{yUnit}</text>
          {area && fill && <path d={fill} fill={`url(#${testId}-fill)`} className="area" />}
          {points.length > 1 && <path d={line} className="line" fill="none" />}
          {points.map((p, i) => (
            <g key={i}>
              {p.xLabel && <text x={px(i)} y={HEIGHT - 10} textAnchor="middle" className="x-label">{p.xLabel}</text>}
              {p.note && <text x={px(i)} y={y(p.y) - 12} textAnchor="middle" className="point-note">{p.note}</text>}
              <circle className="point" cx={px(i)} cy={y(p.y)} r={5} data-value={p.y} {...hoverable(readout, p.text)}>
                <title>{p.text}</title>
              </circle>
            </g>
          ))}
        </>
        );
      }}
    </ChartFrame>
  );
}
