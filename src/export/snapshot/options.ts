/**
 * The choices of a snapshot export and their defaults. Options from outside
 * (the CLI, tests through window.__emsExportSnapshot) are checked here, at
 * the boundary, with a message naming the bad field.
 */
import { PAPER_MM, type Orientation, type PaperName } from './paper.ts';
import type { Texts } from './types.ts';

export type SnapshotFormat = 'png' | 'pdf';

export interface SnapshotOptions {
  paper: PaperName;
  orientation: Orientation;
  /** Dots per inch of the output (the dialog offers 150 and 300). */
  dpi: number;
  format: SnapshotFormat;
  title: string;
  /** Scenario name, printed in the subtitle with the date. */
  scenario: string;
  footer: string;
  /** Two maps, without and with the proposed stations. */
  beforeAfter: boolean;
  /** A second page (PDF) or file (PNG) with the township table and the gap areas. */
  tables: boolean;
}

export const DPI_CHOICES = [150, 300] as const;
export const PAPER_CHOICES = Object.keys(PAPER_MM) as PaperName[];
export const ORIENTATIONS: Orientation[] = ['landscape', 'portrait'];
export const FORMATS: SnapshotFormat[] = ['png', 'pdf'];

/** Longest title, scenario or footer accepted (characters); longer text would not fit the page anyway. */
export const MAX_TEXT = 200;

/**
 * Default title, scenario name and footer for a region and its proposed stations.
 * @example snapshotDefaults('永春县', ['达埔急救站'], texts).title // '永春县急救站点覆盖分析'
 */
export function snapshotDefaults(regionName: string, proposedNames: readonly string[], texts: Texts): Pick<SnapshotOptions, 'title' | 'scenario' | 'footer'> {
  const { t } = texts;
  return {
    // the region as the page names it ("Yongchun 永春县" in English), like the townships in the tables
    title: t('export.page.defaultTitle', { region: texts.place ? texts.place(regionName) : regionName }),
    scenario: proposedNames.length > 0 ? t('handout.scenarioWith', { names: proposedNames.join('、') }) : t('export.page.scenarioExisting'),
    footer: t('export.page.defaultFooter'),
  };
}

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}.`);
}

function text(field: string, value: unknown, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string') throw new Error(`${field} must be text, got ${typeof value}.`);
  const trimmed = value.replace(/[\r\n\t]+/g, ' ').trim();
  if (trimmed.length > MAX_TEXT) throw new Error(`${field} is ${trimmed.length} characters long; at most ${MAX_TEXT} fit the page.`);
  return trimmed;
}

/**
 * Checks options given from outside and fills what is missing from the defaults.
 * @example parseSnapshotOptions({ dpi: 150 }, defaults).paper // 'A4'
 */
export function parseSnapshotOptions(input: unknown, defaults: Pick<SnapshotOptions, 'title' | 'scenario' | 'footer'>): SnapshotOptions {
  const o = (input ?? {}) as Record<string, unknown>;
  if (typeof o !== 'object') throw new Error(`Options must be an object, got ${typeof input}.`);
  const dpi = o.dpi === undefined ? 300 : Number(o.dpi);
  if (!Number.isFinite(dpi) || dpi < 36 || dpi > 2400) throw new Error(`dpi must be a number from 36 to 2400, got ${JSON.stringify(o.dpi)}.`);
  return {
    paper: oneOf('paper', o.paper ?? 'A4', PAPER_CHOICES),
    orientation: oneOf('orientation', o.orientation ?? 'landscape', ORIENTATIONS),
    dpi,
    format: oneOf('format', o.format ?? 'png', FORMATS),
    title: text('title', o.title, defaults.title),
    scenario: text('scenario', o.scenario, defaults.scenario),
    footer: text('footer', o.footer, defaults.footer),
    beforeAfter: o.beforeAfter === undefined ? false : o.beforeAfter === true,
    tables: o.tables === true,
  };
}
