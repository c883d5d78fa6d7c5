import { arcPath, donutAngles } from '../../logic/charts';
import { ChartFrame, hoverable } from './ChartFrame';

interface Part {
  label: string;
  value: number;
  tone: string;
}

interface Props {
  title: string;
  description: string;
  parts: Part[];
  centre: string;
  centreNote: string;
  testId: string;
}

/** A ring split in proportion to the parts, with the headline number in its middle and a legend. */
export function Donut({ title, description, parts, centre, centreNote, testId }: Props) {
  const angles = donutAngles(parts.map((p) => p.value));
  const total = parts.reduce((s, p) => s + p.value, 0);
  const share = (v: number) => (total > 0 ? `${Math.round((v / total) * 100)} %` : '–');
  return (
    <ChartFrame title={title} description={description} height={200} testId={testId}
      summary={parts.map((p) => `${p.label} ${p.value}`).join(' · ')}>
      {(readout) => (
        <>
          <circle cx={100} cy={100} r={70} className="donut-track" />
          {parts.map((p, i) => {
            const [a0, a1] = angles[i];
            const text = `${p.label}: ${p.value} (${share(p.value)})`;
            return a1 > a0 ? (
              <path key={p.label} className={`segment ${p.tone}`} d={arcPath(100, 100, 86, 56, a0, a1)} fillRule="evenodd"
                data-value={p.value} {...hoverable(readout, text)}>
                <title>{text}</title>
              </path>
            ) : null;
          })}
          <text x={100} y={98} textAnchor="middle" className="donut-centre">{centre}</text>
          <text x={100} y={118} textAnchor="middle" className="donut-note">{centreNote}</text>
          {parts.map((p, i) => (
            <g key={p.label} transform={`translate(210, ${70 + i * 30})`}>
              <rect width={14} height={14} rx={3} className={`legend ${p.tone}`} />
              <text x={22} y={11} className="legend-text">{`${p.label} ${p.value} · ${share(p.value)}`}</text>
            </g>
          ))}
        </>
      )}
    </ChartFrame>
  );
}
