/**
 * Every dictionary of the app, UI, exports and CLI alike, one file per part.
 * A new dictionary is one more import and one more entry here.
 */
import { appStrings } from './strings/app.ts';
import { exportStrings } from './strings/export.ts';
import { importStrings } from './strings/import.ts';
import { mapStrings } from './strings/map.ts';
import { problemStrings } from './strings/problems.ts';
import { reportStrings } from './strings/report.ts';
import { scenarioStrings } from './strings/scenario.ts';
import { suggestStrings } from './strings/suggest.ts';
import { termStrings } from './strings/terms.ts';
import { consistencyStrings } from './strings/consistency.ts';
import { handoutStrings } from './strings/handout.ts';
import { restoreStrings } from './strings/restore.ts';
import { cardStrings } from './strings/cards.ts';
import { vocabularyStrings } from './strings/vocabulary.ts';
import { regionStrings } from './strings/region.ts';
import { emsOutputStrings } from './strings/ems-outputs.ts';
import { emsPanelStrings } from './strings/ems-panels.ts';
import type { Strings } from './types.ts';

export const DICTIONARIES: Strings[] = [
  appStrings,
  mapStrings,
  importStrings,
  exportStrings,
  scenarioStrings,
  suggestStrings,
  problemStrings,
  termStrings,
  consistencyStrings,
  handoutStrings,
  restoreStrings,
  cardStrings,
  vocabularyStrings,
  reportStrings,
  regionStrings,
  emsOutputStrings,
  emsPanelStrings,
];
