import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import './charts.css';

/** What a chart shows for the mark under the pointer (or focused), else its summary. */
export interface Readout {
  show: (text: string) => void;
  clear: () => void;
}

interface Props {
  title: string;
  /** A sentence for screen readers: what the picture says in words. */
  description: string;
  height: number;
  testId: string;
  /** The figure's line under the title when nothing is hovered. */
  summary?: string;
  /** Draws the marks for the chart's width in pixels (the figure's, so text keeps its size). */
  children: (readout: Readout, width: number) => ReactNode;
}

/** The width of an element in CSS pixels, followed as it resizes. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLElement | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') {
      return undefined;
    }
    const observer = new ResizeObserver(() => setWidth(Math.max(280, Math.round(el.clientWidth))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/**
 * The frame of every chart: an accessible SVG (role img, labelled by its title and described in
 * words) in a figure whose caption shows the value of the mark under the pointer; each mark also
 * carries its own SVG <title>, which browsers show on hover and screen readers read.
 */
export function ChartFrame({ title, description, height, testId, summary, children }: Props) {
  const id = useId();
  const { ref, width } = useWidth(720);
  const [hovered, setHovered] = useState<string | null>(null);
  const readout: Readout = { show: setHovered, clear: () => setHovered(null) };
  return (
    <figure className="chart" data-testid={testId} ref={ref}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-readout" aria-live="polite" data-testid={`${testId}-readout`}>{hovered ?? summary ?? ''}</span>
      </figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {children(readout, width)}
      </svg>
    </figure>
  );
}

/** Props that make a mark report its value on hover and keyboard focus. */
export function hoverable(readout: Readout, text: string) {
  return {
    tabIndex: 0,
    onMouseEnter: () => readout.show(text),
    onMouseLeave: readout.clear,
    onFocus: () => readout.show(text),
    onBlur: readout.clear,
  };
}
