import { bands, bucketLabel, bucketSpan, formatMillis, linear, niceAxis, quantileBucket } from '../../logic/charts';
import { ChartFrame, hoverable } from './ChartFrame';

interface Props {
  title: string;
  buckets: number[];
  /** The server's p95, for the caption; the marker sits on the bucket that holds it. */
  p95Millis: number | null;
  testId: string;
}

const HEIGHT = 230;
const LEFT = 44;
const BOTTOM = 44;
const TOP = 34;

/**
 * A latency histogram over the power-of-two buckets that have uses (empty ones at either end are
 * left out, those between kept so the x axis stays a log scale), with the 95th percentile marked.
 */
export function Histogram({ title, buckets, p95Millis, testId }: Props) {
  const span = bucketSpan(buckets);
  if (!span) {
    return <div className="empty">No timed uses yet.</div>;
  }
  const shown = buckets.slice(span[0], span[1] + 1);
  const axis = niceAxis(0, Math.max(...shown), 4, true, true);
  const y = linear(0, axis.hi, HEIGHT - BOTTOM, TOP);
  const p95 = quantileBucket(buckets, 0.95) - span[0];
  const total = shown.reduce((s, c) => s + c, 0);
  const p95Text = `p95 ${p95Millis != null ? `≤ ${formatMillis(p95Millis)}` : bucketLabel(p95 + span[0])}`;
  return (
    <ChartFrame title={title} height={HEIGHT} testId={testId} summary={`${total} uses · ${p95Text}`}
      description={`How many of ${total} uses took how long, in power-of-two millisecond buckets; 95 % took ${p95Text.slice(4)} or less.`}>
      {(readout, WIDTH) => {
        const b = bands(shown.length, WIDTH - LEFT - 10, 0.15);
        const every = Math.max(1, Math.ceil((shown.length * 80) / (WIDTH - LEFT)));
        return (
        <>
          {axis.ticks.map((t) => (
            <g key={t} className="tick">
              <line x1={LEFT} x2={WIDTH - 10} y1={y(t)} y2={y(t)} className="grid" />
              <text x={LEFT - 6} y={y(t)} textAnchor="end" dominantBaseline="middle">{t}</text>
            </g>
          ))}
          {shown.map((count, i) => {
            const x0 = LEFT + b.start(i);
            const label = bucketLabel(i + span[0]);
            const text = `${label}: ${count} uses`;
            return (
              <g key={i}>
                <rect className={`bin${i === p95 ? ' p95-bin' : ''}`} x={x0} width={b.size} y={y(count)}
                  height={Math.max(0, HEIGHT - BOTTOM - y(count))} data-value={count} rx={2} {...hoverable(readout, text)}>
                  <title>{text}</title>
                </rect>
                {i % every === 0 && (
                  <text x={x0 + b.size / 2} y={HEIGHT - BOTTOM + 16} textAnchor="middle" className="x-label">{label}</text>
                )}
              </g>
            );
          })}
          {p95 >= 0 && (
            <g className="p95">
              <line x1={LEFT + b.start(p95) + b.size} x2={LEFT + b.start(p95) + b.size} y1={TOP - 24} y2={HEIGHT - BOTTOM} />
              {/* Left of the marker when it sits near the right edge, so the label stays inside. */}
              <text x={LEFT + b.start(p95) + b.size + (p95 >= shown.length - 2 ? -6 : 4)} y={TOP - 16}
                textAnchor={p95 >= shown.length - 2 ? 'end' : 'start'} className="p95-label">{p95Text}</text>
            </g>
          )}
        </>
        );
      }}
    </ChartFrame>
  );
}
