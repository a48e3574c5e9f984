/** Results: headline figures, before/after, township table and the gap list. */
import { useStore } from '../app/store.ts';
import { BeforeAfter } from './BeforeAfter.tsx';
import { RegionCaveat } from './cards/RegionCaveat.tsx';
import { ComparisonTable } from './ComparisonTable.tsx';
import { GapList } from './GapList.tsx';
import { HeadlineFigures } from './HeadlineFigures.tsx';
import { useT } from './i18n.ts';
import { Panel } from './Panel.tsx';
import { TownshipTable } from './TownshipTable.tsx';

export function ResultsPanel() {
  const result = useStore((s) => s.result);
  const { t } = useT();
  return (
    <div data-testid="results-panel" data-ready={result ? 'true' : 'false'} data-seq={result?.seq ?? 0}>
      <Panel id="results" title={t('results.title')}>
        {result && (
          <>
            <HeadlineFigures />
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
