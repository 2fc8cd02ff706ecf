/**
 * The level menu page: every level listed under its chapter and linked to its visualizer, this
 * browser's results (won, at par, first answer wrong) and the next level to play, in both
 * locales; keyboard reachable, axe clean, no sideways scrolling on a phone.
 */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const at = '2026-12-07T00:00:00.000Z';
const seeded = {
  visual: {
    'counter-lost-update': { won: true, at, moves: 24, star: true },
    'counter-lose-two': { won: true, at, moves: 40, star: false },
    'predict-mutex-waiter': { won: false, at, tried: true },
  },
};

test('the menu shows each level, this browser’s results and the next level, and a level link opens its visualizer', async ({
  page,
}) => {
  await page.goto('/levels/');
  await page.evaluate((doc) => localStorage.setItem('lockstep:progress:v1', JSON.stringify(doc)), seeded);
  await page.reload();
  const menu = page.locator('lockstep-level-menu');
  const rows = menu.locator('[data-level]');
  expect(await rows.count()).toBeGreaterThanOrEqual(11);
  await expect(menu.locator('[data-summary]')).toHaveText(
    /^2 of \d+ levels won · ★ 1 of \d+ break levels at par$/,
  );
  await expect(menu.locator('[data-level="counter-lost-update"] [data-standing-text]')).toHaveText(
    'Your result: won at par ★',
  );
  await expect(menu.locator('[data-level="counter-lose-two"] [data-standing-text]')).toHaveText(
    'Your result: won in 40 moves',
  );
  await expect(menu.locator('[data-level="predict-mutex-waiter"] [data-standing-text]')).toHaveText(
    'Your result: first answer wrong (only the first answer counts)',
  );
  // The next level is the first one in course order that is neither won nor spent.
  const firstNew = rows.locator('xpath=self::*[@data-standing="new"]').first();
  const firstNewTitle = (await firstNew.locator('.lm-title a').textContent())!.trim();
  await expect(menu.locator('[data-next] a')).toHaveText(firstNewTitle);

  // Keyboard: tab to a level's link and follow it to the visualizer on its chapter page.
  const link = menu.locator('[data-level="counter-lost-update"] .lm-title a');
  await link.focus();
  await expect(link).toHaveAccessibleName(/^Play “.+”$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/#viz-counter-lost-update$/);
  await expect(page.locator('#viz-counter-lost-update .viz-stage')).toBeVisible();
});

test('every level link leads to a visualizer that exists on its page', async ({ page, request }) => {
  await page.goto('/levels/');
  const hrefs = await page
    .locator('.lm-title a')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  const byPage = new Map<string, string[]>();
  for (const h of hrefs) {
    const [path = '', hash = ''] = h.split('#');
    byPage.set(path, [...(byPage.get(path) ?? []), hash]);
  }
  for (const [path, ids] of byPage) {
    const html = await (await request.get(path)).text();
    for (const id of ids) expect(html, `${path}#${id}`).toContain(`id="${id}"`);
  }
});

for (const locale of ['en', 'zh-cn'] as const) {
  const path = locale === 'en' ? '/levels/' : '/zh-cn/levels/';

  test(`the menu in ${locale}: words in the page language, axe clean, fits a 390 px phone`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    const summary = page.locator('[data-summary]');
    await expect(summary).toBeVisible();
    if (locale === 'zh-cn') {
      await expect(summary).toHaveText(/^已通过 0\/\d+ 关/);
      await expect(page.locator('[data-standing-text]').first()).toHaveText('你的结果：尚未挑战');
      await expect(page.locator('.lm-title a').first()).toHaveAttribute('href', /^\/zh-cn\//);
    } else {
      await expect(summary).toHaveText(/^0 of \d+ levels won/);
    }
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const axe = await new AxeBuilder({ page }).include('lockstep-level-menu').analyze();
    expect(axe.violations).toEqual([]);
  });
}
