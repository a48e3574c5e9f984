/**
 * Before and after the proposed stations and planned centres: the share
 * within the circle minutes, the expected coverage's share (MEXCLP) and each
 * capability's share within its hospital target, as pairs of bars (without
 * / with the new ones). Tagged with the scenario version its figures belong to.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { EmsFigures } from '../../core/ems/types.ts';
import { useT } from '../i18n.ts';
import { beforeAfterPairs, type Weight } from './ems-view.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const round1 = (v: number) => Math.round(v * 10) / 10;

export function BeforeAfterChart({ figures, weights, version, current }: { figures: EmsFigures; weights: readonly Weight[]; version: number; current: boolean }) {
  const { t } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  const pairs = beforeAfterPairs(figures, weights);
  const weightWord = (w: Weight) => t(w === 'residents' ? 'emsPanel.residentsCol' : 'emsPanel.callsCol');
  const labels = pairs.map((p) =>
    p.kind === 'within'
      ? t('emsPanel.beforeAfter.within', { minutes: figures.fractiles.targetMinutes, weight: weightWord(p.weight) })
      : p.kind === 'expected'
        ? t('emsPanel.beforeAfter.expected', { weight: weightWord(p.weight) })
        : t('emsPanel.beforeAfter.hospital', { capability: t(`vocab.capability.${p.capability}`), weight: weightWord(p.weight) }),
  );
  const before = pairs.map((p) => round1(p.before));
  const after = pairs.map((p) => round1(p.after));
  const words = [t('delta.without'), t('delta.with'), t('emsPanel.beforeAfter.axis')];
  const key = JSON.stringify([labels, before, after, words]);

  useEffect(() => {
    if (!canvas.current || pairs.length === 0) return;
    const datasets = [
      { label: words[0], data: before, backgroundColor: '#bdbdbd', barThickness: 9 },
      { label: words[1], data: after, backgroundColor: '#1565c0', barThickness: 9 },
    ];
    if (chart.current) {
      const c = chart.current;
      c.data.labels = labels;
      c.data.datasets = datasets;
      (c.options.scales?.x as { title: { text: string } }).title.text = words[2];
      c.update('none');
      return;
    }
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { min: 0, max: 100, title: { display: true, text: words[2] } }, y: { ticks: { autoSkip: false, font: { size: 11 } } } },
        plugins: { legend: { display: true, labels: { boxWidth: 12 } }, tooltip: { intersect: false, mode: 'index' } },
      },
    });
    // key: labels, bars and words in one comparable value (new arrays every render otherwise)
  }, [key]);

  useEffect(() => () => chart.current?.destroy(), []);
  // the chart's canvas goes when there is nothing to compare: drop the chart with it
  useEffect(() => {
    if (pairs.length === 0) {
      chart.current?.destroy();
      chart.current = null;
    }
  }, [pairs.length]);

  return (
    <figure className={`ems-chart ${current ? '' : 'ems-chart--stale'}`} data-testid="ems-before-after-chart" data-version={version} data-current={current ? 'true' : 'false'} data-pairs={JSON.stringify(pairs.map((p) => [p.key, p.before, p.after]))}>
      <h3>{t('emsPanel.beforeAfter.title')}</h3>
      {pairs.length === 0 ? (
        <p className="muted small">{t('emsPanel.beforeAfter.none')}</p>
      ) : (
        <div className="ems-chart-canvas" style={{ height: `${pairs.length * 26 + 60}px` }}>
          <canvas ref={canvas} role="img" aria-label={t('emsPanel.beforeAfter.title')} />
        </div>
      )}
    </figure>
  );
}
