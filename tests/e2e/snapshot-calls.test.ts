/**
 * `npm run snapshot -- --calls FILE` (issue 14): the snapshot CLI's page steps
 * (scripts/lib/snapshot-page.ts: open the region, import the calls through the
 * calls tab, export) on the e2e build, with the generated 永春县 call file.
 * The handout's EMS page, read back with `pdftotext`, carries the imported
 * call count and the call-weighted coverage that `npm run report -- --county
 * 350525 --calls FILE --format json` gives; before the import the same page
 * says its calls are modelled from the call rate.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmsFigures } from '../../src/core/ems/types.ts';
import type { CoverageFigures } from '../../src/core/tables.ts';
import { formatNumber, formatPercent } from '../../src/i18n/translate.ts';
import { ROOT } from '../../scripts/lib/browser.ts';
import { exportInPage, importCallsInPage, openForSnapshot } from '../../scripts/lib/snapshot-page.ts';
import { baseUrl, cliReport, launchBrowser, SHOTS_DIR } from './helpers.ts';

const CALLS = path.join(ROOT, 'data/samples/calls/yongchun-350525-calls-synthetic.csv');

/** The EMS page's text: the PDF page with the coverage by residents and calls (pdftotext's pages end in form feeds). */
function emsPageText(base64: string, name: string): string {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, name);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
  const ems = pages.find((p) => p.includes('覆盖：居民与呼叫分列'));
  if (!ems) throw new Error(`${name} has no page with the coverage by residents and calls`);
  return ems;
}

/** A cell of the coverage table as the handout writes it: count (share). */
const countShare = (count: number, percent: number) => `${formatNumber('zh-CN', count)} (${formatPercent('zh-CN', percent)})`;

describe('snapshot --calls: the EMS page weighs the imported calls', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('without calls the page says they are modelled; with the file, its call count and call-weighted coverage equal the CLI report’s', { timeout: 600_000 }, async () => {
    const { page } = await openForSnapshot(browser, baseUrl(), { region: '350525', language: 'zh-CN', viewport: { width: 1366, height: 768 } });
    const options = { format: 'pdf', tables: true, dpi: 150 };

    const modelled = emsPageText((await exportInPage(page, options)).base64, 'snapshot-calls-modelled.pdf');
    expect(modelled).toContain('按呼叫率估算');
    expect(modelled).toContain('呼叫 (模拟)');
    expect(modelled).not.toContain('合成');

    await importCallsInPage(page, { name: path.basename(CALLS), bytes: readFileSync(CALLS) });
    const text = emsPageText((await exportInPage(page, options)).base64, 'snapshot-calls-imported.pdf');
    const report = cliReport('350525', ['--calls', CALLS]) as unknown as { ems: EmsFigures; totals: CoverageFigures };
    const { calls, callCoverage } = report.ems;
    expect(calls).toMatchObject({ source: 'imported', synthetic: true });
    // the calls table: labelled synthetic, with the count of calls placed in the region
    expect(text).toContain('合成呼叫（非真实数据）');
    expect(text).toMatch(new RegExp(`合成呼叫（非真实数据）\\s+${escape(formatNumber('zh-CN', calls.total))}\\s`));
    expect(text).not.toContain('按呼叫率估算');
    // the coverage table: the calls column flagged synthetic, each row residents then calls as the CLI report has them
    expect(text).toContain('呼叫 (合成)');
    const rows: [string, keyof CoverageFigures, keyof CoverageFigures][] = [
      ['已覆盖', 'covered', 'coveredPct'],
      ['覆盖盲区', 'gap', 'gapPct'],
    ];
    for (const [label, count, percent] of rows) {
      const residents = countShare(report.totals[count], report.totals[percent]);
      const byCalls = countShare(callCoverage.totals[count], callCoverage.totals[percent]);
      expect(text, label).toMatch(new RegExp(`${label}\\s+${escape(residents)}\\s+${escape(byCalls)}`));
    }
    // the modelled page's call column differed: the figures come from the file, not the rate
    expect(modelled).not.toContain(countShare(callCoverage.totals.covered, callCoverage.totals.coveredPct));
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
