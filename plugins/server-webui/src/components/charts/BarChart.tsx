import { bands, linear, niceAxis } from '../../logic/charts';
import { ChartFrame, hoverable } from './ChartFrame';

export interface BarSegment {
  value: number;
  /** A class of the theme: tone-1 … tone-4, tone-ok, tone-bad. */
  tone: string;
  name: string;
}

export interface BarItem {
  label: string;
  segments: BarSegment[];
}

interface Props {
  title: string;
  description: string;
  items: BarItem[];
  testId: string;
  unit: string;
  summary?: string;
}

const ROW = 28;

/**
 * Horizontal bars, one row per item, stacked by segment (one segment for a plain bar), on an axis
 * from zero with round ticks; the total is written at the end of each row.
 */
export function BarChart({ title, description, items, testId, unit, summary }: Props) {
  const totals = items.map((i) => i.segments.reduce((s, x) => s + x.value, 0));
  const axis = niceAxis(0, Math.max(1, ...totals), 4, true, true);
  const top = 8;
  const height = top + items.length * ROW + 24;
  const rows = bands(items.length, items.length * ROW, 0.3);
  return (
    <ChartFrame title={title} description={description} height={height} testId={testId} summary={summary}>
      {(readout, width) => {
        const labelWidth = Math.min(220, width * 0.35);
        const x = linear(0, axis.hi, labelWidth, width - 40);
        const chars = Math.max(8, Math.floor(labelWidth / 7.2));
        return (
        <>
          {axis.ticks.map((t) => (
            <g key={t} className="tick">
              <line x1={x(t)} x2={x(t)} y1={top} y2={height - 20} className="grid" />
              <text x={x(t)} y={height - 6} textAnchor="middle">{t}</text>
            </g>
          ))}
          {items.map((item, i) => {
            const y = top + rows.start(i);
            let at = 0;
            const total = totals[i];
            return (
              <g key={`${item.label}-${i}`} className="bar-row">
                <text x={labelWidth - 8} y={y + rows.size / 2} textAnchor="end" dominantBaseline="middle" className="bar-label">
                  {item.label.length > chars ? `${item.label.slice(0, chars - 1)}…` : item.label}
                </text>
                {item.segments.map((s, k) => {
                  const x0 = x(at);
                  at += s.value;
                  const text = item.segments.length === 1 ? `${item.label}: ${s.value} ${unit}` : `${item.label}: ${s.value} ${s.name}`;
                  return s.value > 0 ? (
                    <rect key={k} className={`bar ${s.tone}`} x={x0} y={y} width={Math.max(1, x(at) - x0)} height={rows.size}
                      rx={3} data-value={s.value} {...hoverable(readout, text)}>
                      <title>{text}</title>
                    </rect>
                  ) : null;
                })}
                <text x={x(total) + 6} y={y + rows.size / 2} dominantBaseline="middle" className="bar-value">
                  {total}
                </text>
              </g>
            );
          })}
        </>
        );
      }}
    </ChartFrame>
  );
}
