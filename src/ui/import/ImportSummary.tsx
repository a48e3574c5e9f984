/** What the last population, zone or road import read and made, every person, row and way accounted for. */
import type { ImportedPopulation, ImportedRoads, ImportedZones } from '../../worker/api.ts';
import { useT } from '../i18n.ts';
import { countProblems, preservedPct } from './import-format.ts';
import { ProblemTable } from './ProblemTable.tsx';

export function Row({ id, label, value, text }: { id: string; label: string; value: number; text: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td data-testid={`import-summary-${id}`} data-value={value}>
        {text}
      </td>
    </tr>
  );
}

export function PopulationSummaryView({ s }: { s: ImportedPopulation }) {
  const { t, n } = useT();
  const { errors, warnings } = countProblems(s.problems);
  const preserved = preservedPct(s.inputTotal, s.outputTotal);
  return (
    <div data-testid="population-summary">
      <h4>
        {t('import.done')}: {s.file}
      </h4>
      <table className="import-summary">
        <tbody>
          <Row id="input-total" label={t('import.summary.inputTotal')} value={s.inputTotal} text={n(s.inputTotal)} />
          <Row id="output-total" label={t('import.summary.outputTotal')} value={s.outputTotal} text={n(s.outputTotal)} />
          <Row id="preserved" label={t('import.summary.preserved')} value={preserved} text={`${n(preserved, 3)}%`} />
          <Row id="cells" label={t('import.summary.cells')} value={s.cells} text={n(s.cells)} />
          <Row id="nodata" label={t('import.summary.nodata')} value={s.droppedNodata} text={n(s.droppedNodata)} />
          <Row id="invalid" label={t('import.summary.invalid')} value={s.droppedInvalid} text={n(s.droppedInvalid)} />
          <Row id="in-region" label={t('import.summary.inRegion')} value={s.outputTotal - s.unzonedPopulation} text={n(s.outputTotal - s.unzonedPopulation)} />
          <Row id="unzoned" label={t('import.summary.unzoned')} value={s.unzoned} text={t('import.summary.cellsPeople', { cells: n(s.unzoned), people: n(s.unzonedPopulation) })} />
          <Row id="problems" label={t('import.summary.problems')} value={errors + warnings} text={`${n(errors)} / ${n(warnings)}`} />
        </tbody>
      </table>
      <p className="muted small">
        {t('import.summary.method')}: {s.method}
      </p>
      {s.problems.length > 0 && <ProblemTable problems={s.problems} testId="population-problems" />}
    </div>
  );
}

export function ZoneSummaryView({ s }: { s: ImportedZones }) {
  const { t, n } = useT();
  return (
    <div data-testid="zone-summary">
      <h4>
        {t('import.done')}: {s.file}
      </h4>
      <table className="import-summary">
        <tbody>
          <Row id="zones" label={t('import.summary.zones')} value={s.zones} text={n(s.zones)} />
          <Row id="rejected" label={t('import.summary.rejected')} value={s.rejected} text={n(s.rejected)} />
          <Row id="outside" label={t('import.summary.outside')} value={s.outside} text={t('import.summary.cellsPeople', { cells: n(s.outside), people: n(s.outsidePopulation) })} />
        </tbody>
      </table>
      {s.problems.length > 0 && <ProblemTable problems={s.problems} testId="zone-problems" />}
    </div>
  );
}

export function RoadSummaryView({ s }: { s: ImportedRoads }) {
  const { t, n } = useT();
  const c = s.counts;
  return (
    <div data-testid="road-summary">
      <h4>
        {t('import.done')}: {s.file}
      </h4>
      <table className="import-summary">
        <tbody>
          <Row id="ways-read" label={t('import.roads.waysRead')} value={c.waysRead} text={n(c.waysRead)} />
          <Row id="ways-drivable" label={t('import.roads.waysDrivable')} value={c.waysDrivable} text={n(c.waysDrivable)} />
          <Row id="ways-kept" label={t('import.roads.waysKept')} value={c.waysKept} text={n(c.waysKept)} />
          <Row id="ways-outside" label={t('import.roads.waysOutside')} value={c.waysOutside} text={n(c.waysOutside)} />
        </tbody>
      </table>
      {s.problems.length > 0 && <ProblemTable problems={s.problems} testId="road-problems" />}
    </div>
  );
}
