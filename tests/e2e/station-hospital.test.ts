/**
 * A station card's ambulances and hospital centres (issue 14 §4): set from
 * the card, each edit one undo step; a bad count is refused inline and
 * changes nothing; a planned centre cannot also be "has".
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useSharedApp } from './helpers.ts';

const shared = useSharedApp();

describe('station card: ambulances and centres', () => {
  it('sets ambulances and a planned chest-pain centre on 达埔急救站; undo takes each back', async () => {
    const { page, watch } = await shared.get();
    const button = page.getByTestId('scenario-section').locator('.panel-heading button');
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await page.getByTestId('station-details-yc-dapu').click();
    await page.getByTestId('station-hospital').waitFor({ state: 'visible' });
    const ambulances = page.getByTestId('station-ambulances');
    expect(await ambulances.inputValue()).toBe('');
    expect(await ambulances.getAttribute('placeholder')).toBe('未填，按默认 1 辆');

    await ambulances.fill('2.5');
    await ambulances.press('Enter');
    await page.getByTestId('station-ambulances-problem').waitFor({ state: 'visible' });
    expect(await page.getByTestId('undo').isDisabled(), 'a refused count is no edit').toBe(true);

    await ambulances.fill('2');
    await ambulances.press('Enter');
    await page.waitForFunction(() => !(document.querySelector('[data-testid="undo"]') as HTMLButtonElement).disabled);
    expect(await page.getByTestId('station-ambulances-problem').count()).toBe(0);
    expect(await ambulances.inputValue()).toBe('2');

    const planned = page.getByTestId('station-centre-planned-chest-pain');
    const has = page.getByTestId('station-centre-has-chest-pain');
    await planned.check();
    expect(await planned.isChecked()).toBe(true);
    await has.check();
    expect(await has.isChecked()).toBe(true);
    expect(await planned.isChecked(), 'a centre the facility has is not also planned').toBe(false);
    expect(await planned.isDisabled()).toBe(true);
    await screenshot(page, 'card-station-centres-zh');

    await page.getByTestId('undo').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="station-centre-planned-chest-pain"]') as HTMLInputElement)?.checked === true);
    expect(await has.isChecked()).toBe(false);
    await page.getByTestId('undo').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="station-centre-planned-chest-pain"]') as HTMLInputElement)?.checked === false);
    await page.getByTestId('undo').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="station-ambulances"]') as HTMLInputElement)?.value === '');
    expect(watch.errors).toEqual([]);
  });
});
