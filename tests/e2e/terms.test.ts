/**
 * One term per concept and figures that explain themselves (issue 11, items 3
 * and 7), in 永春县 at 1280×720: the gap-area list adds up to the headline gap,
 * names areas by their townships, the Chinese UI never says 未覆盖/缺口/拟建/未启用,
 * every headline figure and rule says where it comes from, the township table
 * explains its rounding, and English shows pinyin beside place names.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cliReport, screenshot, useSharedApp, value } from './helpers.ts';

const shared = useSharedApp({ width: 1280, height: 720 });

const YIDU = '350525102000';
/** The first township of the CLI's gap area #1 (the app lists the same areas; the CLI test checks its figures by brute force). */
const firstGapTownship = () => cliReport('350525').gaps[0].townships[0].name;

/** Opens every collapsed panel of the sidebar, so all its text is on the page. */
async function expandAll(page: Page): Promise<void> {
  for (const id of ['stations', 'rules', 'results', 'scenario', 'suggest']) {
    const button = page.getByTestId(`${id}-section`).locator('.panel-heading button').first();
    if ((await button.getAttribute('aria-expanded')) === 'false') await button.click();
    await page.waitForSelector(`[data-testid="${id}-section"] .panel-body`, { state: 'attached' });
  }
}

/** Page screenshots with the sidebar scrolled to the headline figures, then to the gap areas. */
async function shots(page: Page, language: string): Promise<void> {
  for (const [selector, name] of [['[data-testid="results-section"]', 'results'], ['.gaps', 'gaps'], ['[data-testid="rules-section"]', 'rules']] as const) {
    await page.locator(selector).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, `terms-${name}-${language}`);
  }
}

/** The people of each gap-list item, read from its text ("#1 …：32,092 人，…" / "…: 32,092 people, …"). */
async function gapItems(page: Page): Promise<{ text: string; population: number }[]> {
  const texts = await page.locator('[data-testid^="gap-item-"]').allInnerTexts();
  return texts.map((text) => {
    const m = /[：:]\s*([\d,]+)\s*(人|people)/.exec(text);
    if (!m) throw new Error(`no population in gap item "${text}"`);
    return { text, population: Number(m[1].replace(/,/g, '')) };
  });
}

describe('gap areas add up and are named by their townships', () => {
  it('the list of gap areas sums to the headline gap, and no item exceeds it', async () => {
    const { page } = await shared.get();
    const gap = await value(page, 'headline-gap');
    const items = await gapItems(page);
    expect(items.length).toBeGreaterThan(1);
    expect(items.length).toBeLessThan(10); // the list shows its first 10: here it shows them all
    for (const item of items) expect(item.population).toBeLessThanOrEqual(gap);
    const sum = items.reduce((s, i) => s + i.population, 0);
    // each item is rounded to a whole person
    expect(Math.abs(sum - gap)).toBeLessThanOrEqual(items.length);
  });

  it('area #1 is named by the townships it spans ("…一带") with each township’s share in %', async () => {
    const { page } = await shared.get();
    const item = page.locator('li', { has: page.getByTestId('gap-item-1') });
    const text = await item.innerText();
    expect(text).toContain('一带');
    expect(text).toMatch(new RegExp(`${firstGapTownship()} \\d+%`));
  });
});

describe('the Chinese UI uses one term per concept', () => {
  it('no text node says 未覆盖, 缺口, 拟建 or 未启用 (all panels open)', async () => {
    const { page } = await shared.get();
    await expandAll(page);
    const offending = await page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (/未覆盖|缺口|拟建|未启用/.test(text)) found.push(text.trim().slice(0, 80));
      }
      return found;
    });
    // the scan must see the panels' text at all
    expect(await page.getByTestId('rules-section').innerText()).toContain('服务半径');
    expect(offending).toEqual([]);
  });
});

describe('figures explain themselves', () => {
  it('every headline card has a one-line explanation; the circle’s names the speeds and minutes in use', async () => {
    const { page } = await shared.get();
    const cards = await page.locator('.headline .figure').count();
    expect(cards).toBe(8);
    const notes = await page.locator('.headline .figure .figure-note').allInnerTexts();
    expect(notes).toHaveLength(cards);
    for (const note of notes) expect(note.trim().length).toBeGreaterThan(4);
    const within = await page.getByTestId('headline-note-within').innerText();
    expect(within).toContain('32.07 km/h');
    expect(within).toContain('15 − 3');
    const ba = await page.locator('.before-after').innerText();
    expect(ba).toContain('新增覆盖：');
    expect(ba).toContain('独有覆盖：');
  });

  it('the rules panel cites 泉政办〔2024〕15号 and never a seed file name', async () => {
    const { page } = await shared.get();
    await expandAll(page);
    const text = await page.getByTestId('rules-section').innerText();
    expect(text).toContain('泉政办〔2024〕15号');
    expect(text).toContain('§三.3(2)');
    expect(text).not.toMatch(/\.txt\b/);
  });

  it('the township table says its ambulances are rounded up per township, with both sums', async () => {
    const { page } = await shared.get();
    const note = await page.getByTestId('ambulance-rounding-note').innerText();
    const column = await page.locator('[data-testid="township-table"] tbody tr td:last-child').allInnerTexts();
    const sum = column.reduce((s, v) => s + Number(v.replace(/,/g, '')), 0);
    const total = await value(page, 'headline-ambulances');
    expect(sum).toBeGreaterThan(total); // Yongchun: each township rounded up adds up to more
    expect(note).toBe(`各乡镇分别向上取整，合计${sum}辆；全县按总人口计${total}辆`);
  });

  it('screenshot: the results panel in Chinese', async () => {
    const { page } = await shared.get();
    await shots(page, 'zh');
  });
});

describe('English shows pinyin beside Chinese place names', () => {
  it('a township row reads "Yidu 一都镇"; the gap area names carry pinyin too', async () => {
    const { page } = await shared.get();
    await page.getByTestId('lang-switch').click();
    const row = page.getByTestId(`township-row-${YIDU}`).locator('th');
    await page.waitForFunction((code) => document.querySelector(`[data-testid="township-row-${code}"] th`)?.textContent === 'Yidu 一都镇', YIDU, { timeout: 15_000 });
    expect(await row.innerText()).toBe('Yidu 一都镇');
    const first = await page.locator('li', { has: page.getByTestId('gap-item-1') }).innerText();
    // pinyin, then the Chinese name, as "Shigu 石鼓镇 95%"
    expect(first).toMatch(/[A-Z][a-z]+.*area/);
    expect(first).toMatch(new RegExp(`[A-Z][a-z]+ ${firstGapTownship()} \\d+%`));
    await shots(page, 'en');
  });
});
