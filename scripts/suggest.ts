/**
 * Command-line site suggestion on the embedded demo data: where new stations
 * should go, with the scenario's stations kept fixed.
 *   npm run suggest -- --county 350525 --k 3          # the 3 best new sites (maximal coverage)
 *   npm run suggest -- --county 350525 --target 0.95  # the fewest new sites for 95 % covered (set cover)
 *   npm run suggest -- --county 350525 --k 3 --model mexclp        # most expected coverage (ambulances may be busy)
 *   npm run suggest -- --county 350525 --k 3 --model p-center      # shortest worst distance / response time
 *   npm run suggest -- --county 350525 --k 3 --weight both --calls calls.csv  # weighted by residents and by calls, side by side
 * Exit code 0 on success, 2 on bad usage or data.
 */
import { callsPerYear } from '../src/core/ems/calls.ts';
import type { CallsSource } from '../src/core/ems/types.ts';
import { createEngine } from '../src/core/evaluate.ts';
import { circleRadiusKm, coverRadiusKm } from '../src/core/rules.ts';
import { cellCandidates, idleFacilities, stationCandidates } from '../src/core/suggest/candidates.ts';
import { questionBusyFraction, suggestMexclpSites } from '../src/core/suggest/mexclp-sites.ts';
import { suggestPCenterSites } from '../src/core/suggest/p-center-sites.ts';
import { sitesForTarget, suggestSites } from '../src/core/suggest/suggest.ts';
import type { SuggestObjective } from '../src/core/suggest/matrix.ts';
import type { SiteModel } from '../src/core/suggest/suggest.ts';
import type { Station } from '../src/core/types.ts';
import { idList, parseOptions, parseShare, positiveInteger, rulesFrom, scenarioStations, UsageError } from './lib/cli-options.ts';
import { SUGGESTION_VERSION, suggestionToCsv, suggestionToMarkdown, type SuggestionDocument } from './lib/suggest-format.ts';
import { REGION_OPTION_SPECS, REGION_USAGE, regionFromOptions, withReachOptions } from './lib/region-options.ts';

const USAGE = `Usage: npm run suggest -- (--county <adcode> | --pack <file> | --zones <file> --population <file>) (--k <n> | --target <share>) [options]
  --k <n>                  the n new sites that newly cover the most people (maximal coverage)
  --target <share>         the fewest new sites to cover this share of the population,
                           0–1 or a percentage (e.g. 0.95 or 95%) (set cover)
  --model mclp|mexclp|p-center   the location model (what the sites are chosen for):
                           mclp (default): the most people newly covered (maximal coverage);
                           mexclp: the most expected coverage, Σ people × (1 − q^ambulances in reach) (Daskin);
                           p-center: the shortest worst distance (or response time on roads) to the nearest station;
                           mexclp and p-center with --k only
  --objective coverage|circle    what counts as reached: within the service radius (default), or inside the emergency circle
  --weight residents|calls|both  demand by residents (default), by the region's imported 120 calls, or both:
                           one suggestion weighted by residents and one by calls, side by side (without imported
                           calls, both weighs the calls modelled from the rules' call rate, and says so)
  --busy-fraction <q>      mexclp: ambulance busy fraction, 0 to below 1 (default: calls a year × the rules' minutes per
                           call ÷ the minutes a year of the fleet: the fixed stations' ambulances + the new sites')
  --ambulances-per-site <n>  mexclp: ambulances at each new site (default 1)
  --candidates cells|health-centres   candidate sites: every populated cell centre (default), or every
                           health centre / disabled facility that is not a station in the scenario
  --candidate-res <r>      with cells: one candidate per populated H3 cell of resolution r (default 9, the grid's)
  --backup                 also value people covered twice (a second station within their radius); with --k
  --backup-weight <w>      weight of a second cover against a first, above 0 and at most 1 (default 0.5; implies --backup)
  --gap <share>            with --k: stop improving once proven within this share of optimal
                           (default 0.002 for large problems, 0 for small ones; 0 = use the whole budget)
  --rural-radius <km>      rural radius counted as covered, 10 (strict, default) to 20 (lenient)
  --minutes <min>          emergency circle minutes, 15 (default) or 14
  --without <ids>          comma-separated station ids to leave out of the scenario
  --with <ids>             comma-separated ids of disabled stations to switch on (kept fixed)
  --format md|csv|json     output format (default md); csv = one row per suggested site
${REGION_USAGE}
  --help                   this text
The scenario's active stations (existing and proposed) stay where they are; sites are added to them.`;

async function main(argv: string[]): Promise<string> {
  const parsed = parseOptions(argv, {
    ...REGION_OPTION_SPECS,
    k: { type: 'string' },
    target: { type: 'string' },
    objective: { type: 'string', default: 'coverage' },
    model: { type: 'string', default: 'mclp' },
    weight: { type: 'string', default: 'residents' },
    'busy-fraction': { type: 'string' },
    'ambulances-per-site': { type: 'string' },
    candidates: { type: 'string', default: 'cells' },
    'candidate-res': { type: 'string' },
    backup: { type: 'boolean', default: false },
    'backup-weight': { type: 'string' },
    gap: { type: 'string' },
    'rural-radius': { type: 'string' },
    minutes: { type: 'string' },
    without: { type: 'string' },
    with: { type: 'string' },
    format: { type: 'string', default: 'md' },
    help: { type: 'boolean', default: false },
  });
  const v = parsed.values;
  if (v.help) return `${USAGE}\n`;
  if ((v.k === undefined) === (v.target === undefined)) throw new UsageError('Give exactly one of --k <n> (best n sites) or --target <share> (fewest sites for a share).');
  const k = v.k === undefined ? null : positiveInteger('--k', v.k);
  const target = v.target === undefined ? null : parseShare('--target', v.target);
  const { model, objective } = parseModel(v.model!, v.objective!);
  if (model !== 'mclp' && target !== null) throw new UsageError(`--model ${model} applies to --k only.`);
  const weight = v.weight!;
  if (weight !== 'residents' && weight !== 'calls' && weight !== 'both') throw new UsageError(`--weight must be residents, calls or both, got "${weight}".`);
  let busyGiven: number | null = null;
  let ambulancesPerSite: number | null = null;
  if (v['busy-fraction'] !== undefined || v['ambulances-per-site'] !== undefined) {
    if (model !== 'mexclp') throw new UsageError('--busy-fraction and --ambulances-per-site apply to --model mexclp only.');
    if (v['busy-fraction'] !== undefined) {
      busyGiven = Number(v['busy-fraction']);
      if (!Number.isFinite(busyGiven) || busyGiven < 0 || busyGiven >= 1) throw new UsageError(`--busy-fraction must be from 0 up to (not including) 1, got "${v['busy-fraction']}".`);
    }
  }
  if (model === 'mexclp') ambulancesPerSite = v['ambulances-per-site'] === undefined ? 1 : positiveInteger('--ambulances-per-site', v['ambulances-per-site']);
  const candidateKind = v.candidates!;
  if (candidateKind !== 'cells' && candidateKind !== 'health-centres') throw new UsageError(`--candidates must be cells or health-centres, got "${candidateKind}".`);
  if (!['md', 'csv', 'json'].includes(v.format!)) throw new UsageError(`--format must be md, csv or json, got "${v.format}".`);
  let backupWeight = 0;
  if (v['backup-weight'] !== undefined) {
    backupWeight = Number(v['backup-weight']);
    if (!Number.isFinite(backupWeight) || backupWeight <= 0 || backupWeight > 1) throw new UsageError(`--backup-weight must be above 0 and at most 1, got "${v['backup-weight']}".`);
  } else if (v.backup) backupWeight = 0.5;
  if (backupWeight > 0 && target !== null) throw new UsageError('--backup applies to --k only: a target counts people covered once.');
  if (backupWeight > 0 && model !== 'mclp') throw new UsageError(`--backup applies to --model mclp only (${model} counts every station in reach its own way).`);
  let gapTolerance: number | undefined;
  if (v.gap !== undefined) {
    if (target !== null) throw new UsageError('--gap applies to --k only.');
    if (model !== 'mclp') throw new UsageError('--gap applies to --model mclp only.');
    gapTolerance = Number(v.gap);
    if (!Number.isFinite(gapTolerance) || gapTolerance < 0 || gapTolerance >= 1) throw new UsageError(`--gap must be a share from 0 up to (not including) 1, got "${v.gap}".`);
  }
  let candidateRes: number | null = null;
  if (v['candidate-res'] !== undefined) {
    if (candidateKind !== 'cells') throw new UsageError('--candidate-res applies to --candidates cells only.');
    candidateRes = Number(v['candidate-res']);
    if (!Number.isInteger(candidateRes) || candidateRes < 5 || candidateRes > 9) throw new UsageError(`--candidate-res must be a whole number 5–9, got "${v['candidate-res']}".`);
  }
  const rules = withReachOptions(rulesFrom(v['rural-radius'], v.minutes), v);

  const data = await regionFromOptions(v);
  const counties = data.counties;
  for (const warning of data.warnings) process.stderr.write(`suggest: ${warning}\n`);
  const stations = scenarioStations(data.stations, idList(v.without), idList(v.with));
  const engine = createEngine(data.grid, { stations, rules }, undefined, data.roads);
  const countySet = new Set(counties);
  // the region's stations and those from outside that reach into it, as the app's worker keeps them
  const ofRegion = (s: Station) => (s.county !== undefined && countySet.has(s.county)) || engine.reachFrom(s).cells.length > 0;
  const fixed = engine
    .activeStations()
    .filter(ofRegion)
    .map(({ id, name, kind, status, lng, lat }) => ({ id, name, kind, status, lng, lat }));

  const resolution = candidateRes ?? data.grid.resolution;
  const candidates = candidateKind === 'cells' ? cellCandidates(data.grid, resolution) : stationCandidates(data.grid, idleFacilities(engine, stations).filter(ofRegion));
  if (candidates.length === 0) throw new Error(`No candidate sites: ${candidateKind === 'cells' ? 'the area has no populated cell' : 'every health centre is already a station in the scenario'}.`);
  const calls = data.region.calls ?? null;
  if (weight === 'calls' && !calls) throw new UsageError('--weight calls needs 120 calls imported into the region; this region has none.');
  if (weight !== 'residents' && calls?.synthetic) process.stderr.write('suggest: the calls are synthetic (generated), not real 120 records.\n');
  // both without imported calls: calls modelled as residents × the rules' call rate, as the report's call figures are (and said so)
  const callsSource: CallsSource | null = weight === 'residents' ? null : calls ? 'imported' : 'rate';
  if (callsSource === 'rate') process.stderr.write(`suggest: no calls imported: the calls are modelled as residents × ${rules.ems.callsPerThousandPerYear} per 1,000 a year (the rules' call rate).\n`);
  // calls a year, like the report's call figures (a file of two years weighs as one)
  const callWeights = callsSource === null ? undefined : callsPerYear(data.grid, rules, calls).perCell;
  // the fleet of the fixed stations in the region, with their own ambulances when the facility file gives them
  const fleet = engine.activeStations().filter(ofRegion);
  const busyFraction = model !== 'mexclp' ? null : (busyGiven ?? questionBusyFraction(data.grid, fleet, rules.ems, calls, k!, ambulancesPerSite!).busyFraction);
  const suggestFor = (weights: Float64Array | undefined): SuggestionDocument['result'] =>
    k === null
      ? sitesForTarget(engine, { target: target!, objective, candidates, weights })
      : model === 'mexclp'
        ? suggestMexclpSites(engine, { k, objective, candidates, weights, busyFraction: busyFraction!, ambulancesPerSite: ambulancesPerSite!, defaultAmbulancesPerStation: rules.ems.defaultAmbulancesPerStation })
        : model === 'p-center'
          ? suggestPCenterSites(engine, { k, objective, candidates, weights })
          : suggestSites(engine, { k, objective, candidates, backupWeight, gapTolerance, weights });
  // both: one run weighted by residents, one by calls, each with its own bound; never merged
  const result = suggestFor(weight === 'calls' ? callWeights : undefined);
  const results = weight === 'both' ? { residents: result, calls: suggestFor(callWeights) } : undefined;

  const doc: SuggestionDocument = {
    suggestionVersion: SUGGESTION_VERSION,
    county: { code: data.region.id, name: data.region.name, counties },
    question: {
      mode: k !== null ? 'sites' : 'target',
      k,
      target,
      objective,
      model,
      weight,
      callsSource,
      busyFraction,
      ambulancesPerSite,
      candidates: candidateKind,
      candidateResolution: candidateKind === 'cells' ? resolution : null,
      backupWeight,
      gapTolerance: gapTolerance ?? null,
      rules: {
        urbanCoverKm: coverRadiusKm(rules, 'urban'),
        ruralCoverKm: coverRadiusKm(rules, 'rural'),
        ruralReading: rules.ruralReading,
        circleMinutes: rules.circleMinutes,
        circleRadiusKm: { urban: circleRadiusKm(rules, 'urban'), rural: circleRadiusKm(rules, 'rural') },
      },
    },
    fixedStations: fixed,
    result,
    ...(results ? { results } : {}),
    dataNotes: data.dataNotes,
  };
  if (v.format === 'json') return `${JSON.stringify(doc, null, 2)}\n`;
  if (v.format === 'csv') return suggestionToCsv(doc);
  return suggestionToMarkdown(doc);
}

/** --model (the location model) and --objective (what counts as reached): two words for two concepts, as in the app's panel. */
function parseModel(modelValue: string, objectiveValue: string): { model: SiteModel; objective: SuggestObjective } {
  if (modelValue !== 'mclp' && modelValue !== 'mexclp' && modelValue !== 'p-center') throw new UsageError(`--model must be mclp, mexclp or p-center, got "${modelValue}".`);
  if (objectiveValue !== 'coverage' && objectiveValue !== 'circle') throw new UsageError(`--objective must be coverage or circle, got "${objectiveValue}".`);
  return { model: modelValue, objective: objectiveValue };
}

try {
  process.stdout.write(await main(process.argv.slice(2)));
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`suggest: ${message}\n${e instanceof UsageError ? `\n${USAGE}\n` : ''}`);
  process.exitCode = 2;
}
