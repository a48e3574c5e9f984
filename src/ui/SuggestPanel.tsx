/** Suggest new sites: k best sites or fewest sites for a target, with progress, cancel, the quality bound, and accept-as-proposed. */
import { useState } from 'react';
import { acceptSuggestedSite, cancelSuggestion, clearSuggestion, runSuggestion, type SuggestSettings } from '../app/suggest-actions.ts';
import { suggestionIsStale, useStore } from '../app/store.ts';
import { useT } from './i18n.ts';
import { Panel } from './Panel.tsx';
import { SuggestModelSummary } from './SuggestModelSummary.tsx';

export function SuggestPanel() {
  const { t, n, pct } = useT();
  const job = useStore((s) => s.suggestJob);
  const answer = useStore((s) => s.suggestion);
  const error = useStore((s) => s.suggestError);
  const minutes = useStore((s) => s.rules.circleMinutes);
  const ready = useStore((s) => s.result !== null);
  const stale = useStore(suggestionIsStale);
  const [settings, setSettings] = useState<SuggestSettings>({ mode: 'k', k: 3, target: 0.95, objective: 'coverage', candidates: 'cells', backupWeight: 0, model: 'mclp', weight: 'residents' });
  const set = (change: Partial<SuggestSettings>) => setSettings((s) => ({ ...s, ...change }));
  const share = (v: number) => pct(v * 100);

  return (
    <Panel id="suggest" title={t('suggest.title')}>
      <form
        className="suggest-form"
        onSubmit={(e) => {
          e.preventDefault();
          void runSuggestion(settings);
        }}
      >
        <fieldset>
          <legend>{t('suggest.mode')}</legend>
          {(['k', 'target'] as const).map((mode) => (
            <label key={mode} className="radio">
              <input type="radio" name="suggest-mode" value={mode} checked={settings.mode === mode} onChange={() => set({ mode })} data-testid={`suggest-mode-${mode}`} /> {t(`suggest.mode.${mode}`)}
            </label>
          ))}
        </fieldset>
        {settings.mode === 'k' && (
          <label>
            {t('suggest.model')}{' '}
            <select value={settings.model ?? 'mclp'} onChange={(e) => set({ model: e.target.value as SuggestSettings['model'] })} data-testid="suggest-model">
              {(['mclp', 'mexclp', 'p-center'] as const).map((model) => (
                <option key={model} value={model}>
                  {t(`suggest.model.${model}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {settings.mode === 'k' ? (
          <label>
            {t('suggest.k')}{' '}
            <input type="number" min={1} max={30} step={1} value={settings.k} data-testid="suggest-k" onChange={(e) => set({ k: Math.max(1, Math.min(30, Math.round(Number(e.target.value) || 1))) })} />
          </label>
        ) : (
          <label>
            {t('suggest.target')}{' '}
            <input
              type="number"
              min={1}
              max={100}
              step={1}
              value={Math.round((settings.target ?? 0.95) * 100)}
              data-testid="suggest-target"
              onChange={(e) => set({ target: Math.max(1, Math.min(100, Number(e.target.value) || 95)) / 100 })}
            />
          </label>
        )}
        <label>
          {t('suggest.objective')}{' '}
          <select value={settings.objective} onChange={(e) => set({ objective: e.target.value as SuggestSettings['objective'] })} data-testid="suggest-objective">
            <option value="coverage">{t('suggest.objective.coverage')}</option>
            <option value="circle">{t('suggest.objective.circle', { minutes })}</option>
          </select>
        </label>
        <label>
          {t('suggest.candidates')}{' '}
          <select value={settings.candidates} onChange={(e) => set({ candidates: e.target.value as SuggestSettings['candidates'] })} data-testid="suggest-candidates">
            <option value="cells">{t('suggest.candidates.cells')}</option>
            <option value="facilities">{t('suggest.candidates.facilities')}</option>
          </select>
        </label>
        <label>
          {t('suggest.weight')}{' '}
          <select value={settings.weight ?? 'residents'} onChange={(e) => set({ weight: e.target.value as SuggestSettings['weight'] })} data-testid="suggest-weight">
            <option value="residents">{t('suggest.weight.residents')}</option>
            <option value="calls">{t('suggest.weight.calls')}</option>
          </select>
        </label>
        {settings.mode === 'k' && (settings.model ?? 'mclp') === 'mclp' && (
          <label className="checkbox">
            <input type="checkbox" checked={(settings.backupWeight ?? 0) > 0} onChange={(e) => set({ backupWeight: e.target.checked ? 0.5 : 0 })} /> {t('suggest.backup')}
          </label>
        )}
        <p className="muted small">{t('suggest.fixed')}</p>
        <div className="button-row">
          <button type="submit" className="primary" disabled={!ready || job !== null} data-testid="suggest-run">
            {t('suggest.run')}
          </button>
          {job && (
            <button type="button" onClick={cancelSuggestion} data-testid="suggest-cancel">
              {t('suggest.cancel')}
            </button>
          )}
        </div>
      </form>
      {job && (
        <p className="muted small" role="status" data-testid="suggest-progress">
          {job.progress ? t('suggest.running', { phase: t(`suggest.phase.${job.progress.phase}`), done: job.progress.done, total: job.progress.total }) : t('app.loading')}
        </p>
      )}
      {error && (
        <p className="notice error" role="alert">
          {t('suggest.error', { error })}
        </p>
      )}
      {answer && renderSuggestion()}
    </Panel>
  );

  function renderSuggestion() {
    if (!answer) return null;
    const added = answer.after.covered - answer.before.covered;
    const model = answer.mode === 'k' ? answer.model : null;
    return (
      <div className={`suggestion${stale ? ' suggestion--stale' : ''}`} data-testid="suggestion" data-mode={answer.mode} data-stale={stale ? 'true' : 'false'}>
        {stale && (
          <div className="suggestion-stale" role="status" data-testid="suggest-stale">
            <span>{t('suggest.stale')}</span>{' '}
            <button type="button" data-testid="suggest-recompute" disabled={job !== null} onClick={() => void runSuggestion(settings)}>
              {t('suggest.recompute')}
            </button>
          </div>
        )}
        <p className="small">{t('suggest.summary', { before: share(answer.before.share), after: share(answer.after.share), added: n(added) })}</p>
        {answer.weightedBy === 'weights' && <p className="muted small">{t('suggest.weightCallsNote')}</p>}
        {answer.mode === 'k' && (answer.model === 'mexclp' || answer.model === 'p-center') ? (
          <SuggestModelSummary answer={answer} />
        ) : answer.mode === 'k' ? (
          <>
            <p className="small" data-testid="suggest-bound" data-ratio={answer.bound.ratio}>
              {answer.bound.provenOptimal
                ? t('suggest.optimalMain')
                : t('suggest.boundMain', { ratio: pct(answer.bound.ratio * 100), upper: n(answer.bound.upperBound) })}
              {answer.exhausted && ` ${t('suggest.exhausted')}`}
            </p>
            <details className="small bound-details" data-testid="suggest-bound-details">
              <summary>{t('suggest.boundHow')}</summary>
              {t(`suggest.bound.${answer.bound.kind}`)}
            </details>
          </>
        ) : (
          <p className="small" data-testid="suggest-needed" data-value={answer.stationsNeeded ?? ''}>
            {answer.met ? t('suggest.needed', { count: answer.picks.length, share: share(answer.after.share) }) : t('suggest.unreachable', { share: share(answer.maxShare) })}{' '}
            {answer.met && (answer.provenMinimal ? t('suggest.neededProven', { lower: answer.lowerBound }) : t('suggest.neededBound', { lower: answer.lowerBound }))}
          </p>
        )}
        <table className="small">
          <thead>
            <tr>
              <th>{t('suggest.rank')}</th>
              <th>{t('suggest.where')}</th>
              <th>{t('suggest.added')}</th>
              <th>{t('suggest.cumulative')}</th>
              {model === 'mexclp' && <th>{t('suggest.expectedAdded')}</th>}
              {model === 'p-center' && <th>{t('suggest.worstAfter')}</th>}
              <th />
            </tr>
          </thead>
          <tbody>
            {answer.picks.map((p) => {
              const zone = p.zoneName ?? t('suggest.noZone');
              return (
                <tr key={p.rank} data-testid={`suggest-pick-${p.rank}`} data-value={p.populationAdded}>
                  <td>{p.rank}</td>
                  <td>{p.name ?? zone}</td>
                  <td>+{n(p.populationAdded)}</td>
                  <td>{share(p.cumulativeShare)}</td>
                  {'expectedAdded' in p && <td>+{n(p.expectedAdded)}</td>}
                  {'worstAfter' in p && <td>{p.worstAfter === null ? '–' : n(p.worstAfter, 1)}</td>}
                  <td>
                    <button type="button" className="link" title={stale ? t('suggest.staleAccept') : t('suggest.acceptHint')} disabled={stale} data-testid={`suggest-accept-${p.rank}`} onClick={() => acceptSuggestedSite(p.rank, p.name ?? t('suggest.siteName', { rank: p.rank, zone }))}>
                      {t('suggest.accept')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted small">{t('suggest.mapNote')}</p>
        <button type="button" className="link" onClick={clearSuggestion}>
          {t('suggest.clear')}
        </button>
      </div>
    );
  }
}
