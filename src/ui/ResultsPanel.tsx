/** Results: the reach in use, headline figures, the response-time curve (on roads), before/after, township table and the gap list. */
import { headlineIsCurrent, resultIsCurrent, useStore } from '../app/store.ts';
import { BeforeAfter } from './BeforeAfter.tsx';
import { RegionCaveat } from './cards/RegionCaveat.tsx';
import { ComparisonTable } from './ComparisonTable.tsx';
import { GapList } from './GapList.tsx';
import { HeadlineFigures } from './HeadlineFigures.tsx';
import { useT } from './i18n.ts';
import { Panel } from './Panel.tsx';
import { ReachInUseLine } from './ReachInUseLine.tsx';
import { ResponseSection } from './ResponseSection.tsx';
import { TownshipTable } from './TownshipTable.tsx';

export function ResultsPanel() {
  const result = useStore((s) => s.result);
  const current = useStore(resultIsCurrent);
  // a new region's first answer: its figures are current and are not dimmed; the gap list says it is still grouping
  const headline = useStore(headlineIsCurrent);
  const version = useStore((s) => s.scenarioVersion);
  const { t } = useT();
  // data-current: the figures shown are the result of the scenario on screen (tests wait on it); stale ones are dimmed after a short delay
  return (
    <div
      data-testid="results-panel"
      className={current || headline ? 'results-current' : 'results-stale'}
      data-ready={result ? 'true' : 'false'}
      data-seq={result?.seq ?? 0}
      data-current={current ? 'true' : 'false'}
      data-version={result?.tag.version ?? 0}
      data-scenario-version={version}
      aria-busy={!current}
    >
      <Panel id="results" title={t('results.title')}>
        {result && (
          <>
            <ReachInUseLine />
            <HeadlineFigures />
            <ResponseSection />
            <RegionCaveat />
            <ComparisonTable />
            <BeforeAfter />
            <TownshipTable />
            <GapList />
          </>
        )}
      </Panel>
    </div>
  );
}
