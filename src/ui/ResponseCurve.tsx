/**
 * The response-time curve: share of residents reached within T minutes,
 * T = 0…60, after (solid) and before (dashed) the proposed stations, with
 * the emergency circle's minutes marked. Drawn by Chart.js on a canvas; the
 * figures it shows are also written out as text beside it (median, 90th
 * percentile, share within the circle), so a screen reader and a test read
 * the same numbers the chart draws.
 */
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { useT } from './i18n.ts';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

/** One scenario's curve: `share[t]` = share (0–1) of residents reached within t minutes. */
export interface CurveSeries {
  share: ArrayLike<number>;
  /** Minutes within which half (nine tenths) of the residents are reached; null when that share is never reached within the curve. */
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface ResponseCurveProps {
  after: CurveSeries;
  before: CurveSeries | null;
  circleMinutes: number;
  /** The scenario version the curve belongs to (tags the element for tests and stale checks). */
  version: number;
  /** A second weight's curve (calls), drawn beside the residents' (after only); its figures are written out too. */
  calls?: CurveSeries | null;
  /** Legend words when the defaults (after / before) are not enough, e.g. residents beside calls. */
  labels?: { after: string; before: string; calls: string; axisY: string };
  testId?: string;
}

const pct = (share: number) => Math.round(share * 1000) / 10;

export function ResponseCurve({ after, before, circleMinutes, version, calls = null, labels, testId = 'response-curve' }: ResponseCurveProps) {
  const { t, n } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  const afterLabel = labels?.after ?? t('curve.after');
  const beforeLabel = labels?.before ?? t('curve.before');
  const callsLabel = labels?.calls ?? '';
  const axisX = t('curve.axisMinutes');
  const axisY = labels?.axisY ?? t('curve.axisShare');

  useEffect(() => {
    if (!canvas.current) return;
    const labels = Array.from({ length: after.share.length }, (_, m) => m);
    const datasets = [{ label: afterLabel, data: Array.from(after.share, pct), borderColor: '#1565c0', borderWidth: 2, pointRadius: 0 }];
    if (before) datasets.push({ label: beforeLabel, data: Array.from(before.share, pct), borderColor: '#9e9e9e', borderWidth: 1.5, pointRadius: 0, borderDash: [4, 3] } as (typeof datasets)[number]);
    if (calls) datasets.push({ label: callsLabel, data: Array.from(calls.share, pct), borderColor: '#ef6c00', borderWidth: 2, pointRadius: 0 });
    const legend = before !== null || calls !== null;
    if (chart.current) {
      // the chart outlives a language switch: its axis titles and legend follow the words too
      const { options, data } = chart.current;
      data.labels = labels;
      data.datasets = datasets;
      const { x, y } = options.scales as { x: { title: { text: string } }; y: { title: { text: string } } };
      x.title.text = axisX;
      y.title.text = axisY;
      if (options.plugins?.legend) options.plugins.legend.display = legend;
      chart.current.update('none');
      return;
    }
    chart.current = new Chart(canvas.current, {
      type: 'line',
      data: { labels, datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { title: { display: true, text: axisX }, ticks: { callback: (_v, i) => (i % 10 === 0 ? String(i) : '') } },
          y: { min: 0, max: 100, title: { display: true, text: axisY } },
        },
        plugins: { legend: { display: legend, labels: { boxHeight: 1 } }, tooltip: { intersect: false, mode: 'index' } },
      },
    });
  }, [after, before, calls, afterLabel, beforeLabel, callsLabel, axisX, axisY]);

  useEffect(() => () => chart.current?.destroy(), []);

  const within = after.share[Math.min(circleMinutes, after.share.length - 1)] ?? 0;
  const minutesText = (m: number | null) => (m === null ? t('curve.notReached', { max: String(after.share.length - 1) }) : t('curve.minutes', { minutes: n(m, 1) }));
  return (
    <figure className="response-curve" data-testid={testId} data-version={version} data-median={after.medianMinutes ?? ''} data-p90={after.p90Minutes ?? ''} data-within-circle={within}>
      <div className="response-curve-canvas">
        <canvas ref={canvas} role="img" aria-label={t('curve.title')} />
      </div>
      <figcaption className="small">
        {t('curve.summary', { within: n(pct(within), 1), circle: String(circleMinutes), median: minutesText(after.medianMinutes), p90: minutesText(after.p90Minutes) })}
        {before && <span className="muted"> {t('curve.summaryBefore', { median: minutesText(before.medianMinutes), p90: minutesText(before.p90Minutes) })}</span>}
        {calls && <span className="response-curve-calls"> {t('emsPanel.curve.callsSummary', { within: n(pct(calls.share[Math.min(circleMinutes, calls.share.length - 1)] ?? 0), 1), minutes: String(circleMinutes), median: minutesText(calls.medianMinutes), p90: minutesText(calls.p90Minutes) })}</span>}
      </figcaption>
    </figure>
  );
}
