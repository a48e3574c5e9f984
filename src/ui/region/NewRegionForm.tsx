/** The new-region tab: the user's boundary, population and station files, how to read them, and "build". */
import { useState } from 'react';
import { buildRegion } from '../../app/region-actions.ts';
import { useStore } from '../../app/store.ts';
import type { Crs } from '../../io/crs.ts';
import type { AreaTypeChoice } from '../../io/region/from-files.ts';
import type { PopulationFormat } from '../../io/region/population-file.ts';
import { useT } from '../i18n.ts';
import { CrsSelect } from '../import/CrsSelect.tsx';
import { PopulationFormatSelect } from '../import/PopulationFormatSelect.tsx';
import { FileDrop } from '../import/FileDrop.tsx';

const AREA_TYPES: readonly AreaTypeChoice[] = ['auto', 'density', 'urban', 'rural'];
/** H3 resolutions offered, with their average cell area (km², h3 getHexagonAreaAvg). */
const RESOLUTIONS: readonly [number, string][] = [
  [7, '5.2'],
  [8, '0.74'],
  [9, '0.11'],
  [10, '0.015'],
];

function FilePick({ label, testId, accept, hint, file, disabled, onFile }: { label: string; testId: string; accept: string; hint: string; file: File | null; disabled: boolean; onFile: (f: File) => void }) {
  const { t } = useT();
  return (
    <fieldset className="region-file">
      <legend>{label}</legend>
      <FileDrop testId={testId} accept={accept} hint={hint} disabled={disabled} onFile={onFile} />
      <span className="small" data-testid={`${testId}-chosen`}>
        {file ? t('region.chosen', { name: file.name }) : t('region.notChosen')}
      </span>
    </fieldset>
  );
}

export function NewRegionForm() {
  const { t } = useT();
  const running = useStore((s) => s.regionJob !== null);
  const [name, setName] = useState('');
  const [zones, setZones] = useState<File | null>(null);
  const [zonesCrs, setZonesCrs] = useState<Crs>('WGS84');
  const [areaType, setAreaType] = useState<AreaTypeChoice>('auto');
  const [population, setPopulation] = useState<File | null>(null);
  const [populationFormat, setPopulationFormat] = useState<PopulationFormat>('auto');
  const [populationCrs, setPopulationCrs] = useState<Crs>('WGS84');
  const [facilities, setFacilities] = useState<File | null>(null);
  const [facilitiesCrs, setFacilitiesCrs] = useState<Crs>('WGS84');
  const [resolution, setResolution] = useState(9);
  const ready = zones !== null && population !== null && !running;
  return (
    <div className="import-tab" data-testid="new-region">
      <p className="muted small">{t('region.new.note')}</p>
      <label className="import-field">
        <span>{t('region.name')}</span>
        <input type="text" data-testid="region-name" value={name} placeholder={t('region.namePlaceholder')} disabled={running} onChange={(e) => setName(e.target.value)} />
      </label>
      <FilePick label={t('region.zones')} testId="region-zones" accept=".geojson,.json,.zip" hint={t('region.zones.accept')} file={zones} disabled={running} onFile={setZones} />
      <div>
        <CrsSelect testId="region-zones-crs" value={zonesCrs} disabled={running} onChange={setZonesCrs} />
        <label className="import-field">
          <span>{t('region.areaType')}</span>
          <select data-testid="region-area-type" value={areaType} disabled={running} onChange={(e) => setAreaType(e.target.value as AreaTypeChoice)}>
            {AREA_TYPES.map((a) => (
              <option key={a} value={a}>
                {t(`region.areaType.${a}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FilePick label={t('region.population')} testId="region-population" accept=".tif,.tiff,.csv,.txt,.xlsx,.geojson,.json" hint={t('region.population.accept')} file={population} disabled={running} onFile={setPopulation} />
      <div>
        <PopulationFormatSelect testId="region-population-format" value={populationFormat} disabled={running} onChange={setPopulationFormat} />
        <CrsSelect testId="region-population-crs" value={populationCrs} disabled={running} onChange={setPopulationCrs} />
      </div>
      <FilePick label={t('region.facilities')} testId="region-facilities" accept=".csv,.txt,.xlsx,.geojson,.json" hint={t('region.facilities.accept')} file={facilities} disabled={running} onFile={setFacilities} />
      <CrsSelect testId="region-facilities-crs" value={facilitiesCrs} disabled={running} onChange={setFacilitiesCrs} />
      <label className="import-field">
        <span>{t('region.resolution')}</span>
        <select data-testid="region-resolution" value={resolution} disabled={running} onChange={(e) => setResolution(Number(e.target.value))}>
          {RESOLUTIONS.map(([res, area]) => (
            <option key={res} value={res}>
              {t('region.resolution.option', { res, area })}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="primary"
        data-testid="region-build"
        disabled={!ready}
        onClick={() => void buildRegion({ name, zones: zones!, zonesCrs, areaType, population: population!, populationFormat, populationCrs, facilities, facilitiesCrs, resolution })}
      >
        {t('region.build')}
      </button>
    </div>
  );
}
