/**
 * A coordinate entry: "lng, lat" in WGS84 or GCJ-02. Invalid text gets an
 * inline message and nothing happens; a valid pair is handed over in WGS84.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Crs } from '../../io/crs.ts';
import { readLngLat, type LngLatProblem } from '../../io/lnglat-text.ts';
import { useT } from '../i18n.ts';

const CRS_CHOICES: Crs[] = ['WGS84', 'GCJ02'];

export function CoordinateField({ label, submitLabel, testId, onPlace }: { label: string; submitLabel: string; testId: string; onPlace: (lng: number, lat: number) => void }) {
  const { t } = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [crs, setCrs] = useState<Crs>('WGS84');
  const [problem, setProblem] = useState<LngLatProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const reading = readLngLat(text, crs);
    if (!reading.ok) {
      setProblem(reading.problem);
      setDone(null);
      return;
    }
    setProblem(null);
    onPlace(reading.lng, reading.lat);
    setDone(t('cards.place.done', { lng: reading.lng.toFixed(6), lat: reading.lat.toFixed(6) }));
  };
  return (
    <form className="coord-field" onSubmit={submit} data-testid={testId} noValidate>
      <div className="coord-field__label">{label}</div>
      <div className="coord-field__row">
        <label className="ems-sr-only" htmlFor={`${id}-text`}>
          {t('cards.place.input')}
        </label>
        <input
          id={`${id}-text`}
          type="text"
          inputMode="decimal"
          data-testid={`${testId}-input`}
          value={text}
          placeholder={t('cards.place.placeholder')}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setDone(null);
          }}
        />
        <label className="ems-sr-only" htmlFor={`${id}-crs`}>
          {t('cards.place.crs')}
        </label>
        <select id={`${id}-crs`} data-testid={`${testId}-crs`} value={crs} onChange={(e) => setCrs(e.target.value as Crs)}>
          {CRS_CHOICES.map((c) => (
            <option key={c} value={c}>
              {t(`cards.place.crs.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" data-testid={`${testId}-submit`}>
        {submitLabel}
      </button>
      {problem && (
        <p id={`${id}-problem`} className="coord-field__problem" role="alert" data-testid={`${testId}-problem`} data-problem={problem}>
          {t(`cards.place.problem.${problem}`)}
        </p>
      )}
      {done && (
        <p className="muted small" role="status" data-testid={`${testId}-done`}>
          {done}
        </p>
      )}
    </form>
  );
}
