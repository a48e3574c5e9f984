/**
 * The suggest-sites panel: the worker's picks equal the CLI's, the quality
 * bound is shown, and accepting a pick adds a proposed station that covers
 * exactly the people the pick promised.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/cli.ts';
import { headline, launchBrowser, openApp, screenshot, seq, waitForUpdate } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface CliSuggestion {
  result: { picks: { rank: number; h3: string; populationAdded: number; zoneName: string | null }[]; bound: { ratio: number } };
}

function cliSuggest(args: string[]): CliSuggestion {
  const r = runScript('scripts/suggest.ts', ['--county', '350525', '--format', 'json', ...args]);
  if (r.code !== 0) throw new Error(`suggest exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as CliSuggestion;
}

describe('suggest new sites', () => {
  it('k = 3 in the app equals the CLI; accepting pick 1 adds exactly its newly covered people', async () => {
    const cli = cliSuggest(['--k', '3']);
    const { page, watch, close } = await openApp(browser);
    const heading = page.getByTestId('suggest-section').locator('h2 button');
    if ((await heading.getAttribute('aria-expanded')) !== 'true') await heading.click();
    await page.getByTestId('suggest-k').fill('3');
    await page.getByTestId('suggest-run').click();
    await page.getByTestId('suggestion').waitFor({ timeout: 60_000 });
    for (const pick of cli.result.picks) {
      expect(Number(await page.getByTestId(`suggest-pick-${pick.rank}`).getAttribute('data-value')), `pick ${pick.rank}`).toBe(pick.populationAdded);
    }
    expect(Number(await page.getByTestId('suggest-bound').getAttribute('data-ratio'))).toBeCloseTo(cli.result.bound.ratio, 6);
    await screenshot(page, 'suggest-k3');

    const before = await headline(page);
    const s0 = await seq(page);
    await page.getByTestId('suggest-accept-1').click();
    await waitForUpdate(page, s0);
    const after = await headline(page);
    expect(after.covered - before.covered, 'covered gain of the accepted site').toBe(cli.result.picks[0].populationAdded);
    expect(await page.locator('[data-testid^="station-row-suggested-"]').count()).toBe(1);
    expect(await page.getByTestId('suggest-pick-1').count(), 'the accepted pick leaves the list').toBe(0);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('the fewest sites for 95 % matches the CLI', async () => {
    const cli = JSON.parse(runScript('scripts/suggest.ts', ['--county', '350525', '--format', 'json', '--target', '0.95']).stdout) as { result: { stationsNeeded: number | null } };
    const { page, close } = await openApp(browser);
    const heading = page.getByTestId('suggest-section').locator('h2 button');
    if ((await heading.getAttribute('aria-expanded')) !== 'true') await heading.click();
    await page.getByTestId('suggest-mode-target').check();
    await page.getByTestId('suggest-target').fill('95');
    await page.getByTestId('suggest-run').click();
    await page.getByTestId('suggestion').waitFor({ timeout: 60_000 });
    expect(Number(await page.getByTestId('suggest-needed').getAttribute('data-value'))).toBe(cli.result.stationsNeeded);
    await close();
  });
});
