/** The population tab: a raster, H3 table, point table or polygons, read in the worker with progress. */
import { useState } from 'react';
import { importPopulationFile } from '../../app/import-actions.ts';
import { useStore } from '../../app/store.ts';
import type { Crs } from '../../io/crs.ts';
import type { PopulationFormat } from '../../worker/api.ts';
import { useT } from '../i18n.ts';
import { CrsSelect } from './CrsSelect.tsx';
import { PopulationFormatSelect } from './PopulationFormatSelect.tsx';
import { FileDrop } from './FileDrop.tsx';
import { ImportOutcome } from './ImportOutcome.tsx';
import { ImportProgressBar } from './ImportProgressBar.tsx';


export function PopulationImport() {
  const { t } = useT();
  const running = useStore((s) => s.importJob !== null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<PopulationFormat>('auto');
  const [crs, setCrs] = useState<Crs>('WGS84');
  const start = (f: File) => void importPopulationFile(f, { format, crs });
  return (
    <div className="import-tab" data-testid="population-import">
      <p className="muted small">{t('import.population.note')}</p>
      <PopulationFormatSelect testId="population-format" value={format} disabled={running} onChange={setFormat} />
      <CrsSelect testId="population-crs" value={crs} disabled={running} onChange={setCrs} />
      <FileDrop
        testId="population-file"
        accept=".tif,.tiff,.csv,.txt,.xlsx,.geojson,.json"
        hint={t('import.population.accept')}
        disabled={running}
        onFile={(f) => {
          setFile(f);
          start(f);
        }}
      />
      {file && !running && (
        <button type="button" className="primary" data-testid="population-start" onClick={() => start(file)}>
          {t('import.population.start')}
        </button>
      )}
      <ImportProgressBar kind="population" />
      {!running && <ImportOutcome kind="population" />}
    </div>
  );
}
