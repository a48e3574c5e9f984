/**
 * Per-station workload: each active station's busy fraction as a bar,
 * busiest first, against the busy target (a dashed line). Drawn by Chart.js;
 * the figure is tagged with the scenario version its figures belong to, and
 * the stations above the target are also written out as text.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type Plugin } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { StationWorkload } from '../../core/ems/types.ts';
import { useT } from '../i18n.ts';
import { workloadBars } from './ems-view.ts';
import { Flag } from './Flag.tsx';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Bars drawn at most; a city's hundred stations would squeeze the labels (the text says how many are above the target). */
const MAX_BARS = 20;
const BAR_PX = 18;

/** The busy target as a dashed vertical line across the bars. */
const targetLine = (targetPct: () => number): Plugin<'bar'> => ({
  id: 'busyTarget',
  afterDatasetsDraw(chart) {
    const x = chart.scales.x.getPixelForValue(targetPct());
    const { top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = '#c62828';
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.restore();
  },
});

export function WorkloadChart({ workload, busyTarget, defaultAmbulances, version, current, assumed }: { workload: readonly StationWorkload[]; busyTarget: number; defaultAmbulances: number; version: number; current: boolean; assumed: boolean }) {
  const { t, n, pct } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  const target = useRef(busyTarget * 100);
  target.current = busyTarget * 100;
  const bars = workloadBars(workload);
  const shown = bars.slice(0, MAX_BARS);
  const over = bars.filter((b) => b.busyPct > busyTarget * 100).length;
  const axis = t('emsPanel.workload.axis');
  const labels = shown.map((b) => `${b.name}${b.ambulancesAssumed ? '*' : ''}`);
  const data = shown.map((b) => Math.round(b.busyPct * 10) / 10);
  const key = JSON.stringify([labels, data, busyTarget, axis]);

  useEffect(() => {
    if (!canvas.current) return;
    const max = Math.max(100, ...data, busyTarget * 100);
    const colors = shown.map((b) => (b.busyPct > busyTarget * 100 ? '#e53935' : '#1565c0'));
    if (chart.current) {
      const c = chart.current;
      c.data.labels = labels;
      c.data.datasets[0].data = data;
      c.data.datasets[0].backgroundColor = colors;
      const x = c.options.scales?.x as { max: number; title: { text: string } };
      x.max = max;
      x.title.text = axis;
      c.update('none');
      return;
    }
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: [{ data, backgroundColor: colors, barThickness: 12 }] },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { min: 0, max, title: { display: true, text: axis } }, y: { ticks: { autoSkip: false, font: { size: 11 } } } },
        plugins: { legend: { display: false }, tooltip: { intersect: false } },
      },
      plugins: [targetLine(() => target.current)],
    });
    // key: labels, data, target and axis words in one comparable value (new arrays every render otherwise)
  }, [key]);

  useEffect(() => () => chart.current?.destroy(), []);

  return (
    <figure
      className={`ems-chart ${current ? '' : 'ems-chart--stale'}`}
      data-testid="ems-workload-chart"
      data-version={version}
      data-current={current ? 'true' : 'false'}
      data-bars={JSON.stringify(shown.map((b) => [b.id, b.busyPct]))}
    >
      <h3>
        {t('emsPanel.workload.title')} <Flag kind={assumed && 'assumed'} />
      </h3>
      <div className="ems-chart-canvas" style={{ height: `${shown.length * BAR_PX + 48}px` }}>
        <canvas ref={canvas} role="img" aria-label={t('emsPanel.workload.title')} />
      </div>
      <figcaption className="small">
        <span className="muted">{t('emsPanel.workload.target', { target: pct(busyTarget * 100) })}</span>
        {' · '}
        <span data-testid="ems-workload-over" data-value={over}>{t('emsPanel.workload.over', { n: n(over) })}</span>
        {bars.length > shown.length && <div className="muted">{t('emsPanel.workload.shown', { shown: n(shown.length), total: n(bars.length) })}</div>}
        {shown.some((b) => b.ambulancesAssumed) && <div className="muted">{t('emsPanel.workload.assumedNote', { n: n(defaultAmbulances) })}</div>}
      </figcaption>
    </figure>
  );
}
