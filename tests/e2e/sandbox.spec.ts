/**
 * The sandbox page: a lost-update program built with the keyboard, its outcomes counted over every
 * schedule and one of them shown in the scheduler, export and import (a bad paste refused with
 * nothing lost), a level made from a counted outcome and won at par without being recorded, a
 * share link that reopens the level, the Chinese UI, axe, and a 390 px phone.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('lockstep-sandbox')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Picks an option in a select and presses a button, both from the keyboard. */
async function pickAndPress(page: Page, select: string, value: string, button: string) {
  await page.locator(select).focus();
  await page.locator(select).selectOption(value);
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText(button);
  await page.keyboard.press('Enter');
}

const column = (page: Page, g: string) => page.locator('fieldset.sb-column', { hasText: `Goroutine ${g}` });

test('build a lost update with the keyboard, count its outcomes, show one, export and import', async ({
  page,
}) => {
  await page.goto('/sandbox/');
  await pickAndPress(page, '#sb-preset', 'empty', 'Load');
  await expect(page.locator('.sb-status').first()).toHaveText('Loaded “Two empty goroutines”.');

  await pickAndPress(page, '#sb-op-0', 'work', 'Add');
  await pickAndPress(page, '#sb-op-0', 'x.inc', 'Add');
  await expect(page.locator('.sb-editor + .sb-status')).toHaveText('x++ added to G1 as line 2.');
  // Reorder and remove with buttons: x++ up to line 1, then remove work (now line 2).
  await page.getByRole('button', { name: 'Up: line 2 of G1, x++' }).focus();
  await page.keyboard.press('Enter');
  await expect(column(page, 'G1').locator('li code')).toHaveText(['x++', 'work() // or time.Sleep']);
  // At the top its Up button is disabled, so focus stays on the moved op's Down button.
  await expect(page.locator(':focus')).toHaveAccessibleName('Down: line 1 of G1, x++');
  await page.getByRole('button', { name: 'Remove: line 2 of G1, work() // or time.Sleep' }).focus();
  await page.keyboard.press('Enter');
  await expect(column(page, 'G1').locator('li code')).toHaveText(['x++']);
  await pickAndPress(page, '#sb-op-1', 'x.inc', 'Add');
  await expect(column(page, 'G2').locator('li code')).toHaveText(['x++']);

  await page.getByRole('button', { name: 'Count outcomes' }).focus();
  await page.keyboard.press('Enter');
  const status = page.locator('.sb-row + .sb-status');
  // 14 states: positions × register values × which access the race detector saw first.
  await expect(status).toHaveText('6 schedules end in 2 different outcomes (14 distinct states).');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  const rows = page.locator('.sb-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Lost update: x = 1, and a data race is reported');
  await expect(rows.nth(0).locator('td').nth(0)).toHaveText('4');
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('66.7 %');
  await expect(rows.nth(1)).toContainText('Finished, x = 2, and a data race is reported');
  await expect(rows.nth(1).locator('td').nth(1)).toHaveText('33.3 %');

  await page
    .getByRole('button', { name: 'Show me one: Lost update: x = 1, and a data race is reported' })
    .focus();
  await page.keyboard.press('Enter');
  await expect(status).toContainText(
    'A shortest schedule for “Lost update: x = 1, and a data race is reported” (4 moves)',
  );
  const player = page.locator('#sb-player');
  await expect(player.locator('.viz-position')).toHaveText('Step 0 of 4');
  await expect(player.locator('.viz-stage')).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(player.locator('.viz-position')).toHaveText('Step 4 of 4');
  await expect(player.locator('.viz-state')).toContainText('x = 1');
  await expect(player.locator('.viz-state')).toContainText('WARNING: DATA RACE on x');

  // Export, then a bad import changes nothing, then a good one replaces the program.
  await page.getByRole('button', { name: 'Copy JSON' }).click();
  const json = page.locator('#sb-json');
  expect(JSON.parse(await json.inputValue())).toEqual({
    format: 'lockstep-sandbox',
    version: 1,
    goroutines: [['x.inc'], ['x.inc']],
  });
  await json.fill('{"format":"lockstep-sandbox","version":1,"goroutines":[["x.inc","mu.Lokc"],[]]}');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Operation 2 of G1, “mu.Lokc”, is not in the palette. Nothing was changed.',
  );
  await expect(column(page, 'G1').locator('li code')).toHaveText(['x++']);
  await expect(rows).toHaveCount(2);
  await json.fill(
    JSON.stringify({ format: 'lockstep-sandbox', version: 1, goroutines: [['m.write'], ['m.write'], []] }),
  );
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('.sb-error')).toBeEmpty();
  await expect(page.locator('fieldset.sb-column')).toHaveCount(3);
  await expect(column(page, 'G2').locator('li code')).toHaveText(['m["k"] = 1']);
  await expect(rows).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('make a level from a counted outcome, win it at par unrecorded, and reopen it from its link', async ({
  page,
}) => {
  await page.goto('/sandbox/');
  await pickAndPress(page, '#sb-preset', 'lost-update', 'Load');
  await page.getByRole('button', { name: 'Count outcomes' }).click();
  await expect(page.locator('.sb-table tbody tr')).toHaveCount(3);
  // A lost update here is won by alternating goroutines: refused, with the strategies named.
  await page.locator('#sb-win').selectOption({ label: 'a lost update' });
  await page.locator('#sb-goal').fill('Lose an update.');
  await page.getByRole('button', { name: 'Make and play the level' }).click();
  await expect(page.locator('div:has(> .sb-builder) + .sb-status')).toContainText(
    'Refused: a thoughtless strategy wins it (alternate, round-robin)',
  );

  await pickAndPress(page, '#sb-preset', 'map-reader', 'Load');
  await page.getByRole('button', { name: 'Count outcomes' }).click();
  await expect(page.locator('.sb-table tbody tr').first()).toBeVisible();
  await page.locator('#sb-win').selectOption({ label: 'fatal error: concurrent map read and map write' });
  await page.locator('#sb-goal').fill('Make the runtime catch the unlocked reader.');
  await page.getByRole('button', { name: 'Make and play the level' }).click();
  const audit = page.locator('div:has(> .sb-builder) + .sb-status');
  await expect(audit).toHaveText(
    'Level accepted: par is 4 moves, random play wins 9.4 % of the time, and no fixed strategy wins it.',
  );
  const player = page.locator('#sb-player');
  await expect(player.locator('.viz-level-goal')).toHaveText(
    'Goal: Make the runtime catch the unlocked reader.',
  );
  await expect(player.locator('.viz-stage')).toBeFocused();
  for (const key of ['1', '1', '1', '2']) await page.keyboard.press(key);
  await expect(player.locator('.viz-level-status')).toHaveText(
    '✓ You broke it in 4 moves, at par: the star is yours ★.',
  );
  const progress = await page.evaluate(() => localStorage.getItem('lockstep:progress:v1'));
  expect(progress).toBeNull();

  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.locator('#sb-link').inputValue();
  expect(link).toMatch(/\/sandbox\/#s=[A-Za-z0-9_-]+$/);
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.locator('.sb-io ~ .sb-status')).toContainText('Loaded from a shared link.');
  await expect(other.locator('.sb-io ~ .sb-status')).toContainText(
    'Imported a level: “Make the runtime catch the unlocked reader.”',
  );
  await expect(other.locator('#sb-player .viz-level-goal')).toHaveText(
    'Goal: Make the runtime catch the unlocked reader.',
  );
  // A damaged link is refused in words; the default program stays.
  await other.goto('/sandbox/#s=eyJmb3Jt');
  await other.reload();
  await expect(other.getByRole('alert')).toHaveText(
    'This share link is damaged (it may have been cut short). Nothing was changed.',
  );
});

test('the Chinese sandbox counts outcomes, words errors in Chinese, and is axe-clean', async ({ page }) => {
  await page.goto('/zh-cn/sandbox/');
  await page.locator('#sb-preset').selectOption('lost-update');
  await page.getByRole('button', { name: '载入' }).click();
  await page.getByRole('button', { name: '统计所有结果' }).click();
  await expect(page.locator('.sb-row + .sb-status')).toHaveText(
    '90 种调度，共 3 种不同结果（128 个不同状态）。',
  );
  await expect(page.locator('.sb-table caption')).toHaveText('所有调度的结果');
  await expect(page.locator('.sb-table tbody tr').first()).toContainText('丢失更新：x = 1，并报告数据竞争');
  await page
    .getByRole('button', { name: /^给我看一个：/ })
    .first()
    .click();
  await expect(page.locator('#sb-player .viz-position')).toContainText('第 0 步');
  await page.locator('#sb-json').fill('nope');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('这不是 JSON。没有做任何改动。');
  expect(await axeViolations(page)).toEqual([]);
});

for (const prefix of ['', '/zh-cn']) {
  test(`the sandbox fits a 390 px phone with its table and player open (${prefix || 'en'})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${prefix}/sandbox/`);
    await page.locator('#sb-preset').selectOption('abba');
    await page.locator('[data-focus="load"]').click();
    await page.locator('[data-focus="count"]').click();
    await expect(page.locator('.sb-table tbody tr').first()).toBeVisible();
    await page.locator('.sb-table tbody tr').first().getByRole('button').click();
    await expect(page.locator('#sb-player .viz-stage')).toBeVisible();
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  });
}
