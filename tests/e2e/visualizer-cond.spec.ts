/**
 * The sync.Cond and sync.Once visualizers on the locks chapter: the notify list's ticket window played
 * with the keyboard, the Cond break levels won at par with the keyboard (en and zh-cn) with their
 * lessons, the Once predict level answered in both locales, the CAS-only Once break level won at par
 * with the keyboard (its lesson in en, a losing CAS narrated in zh-cn), axe on all of them, and a
 * 390 px phone that never scrolls sideways.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openVisualizer } from './visualizer-helpers.ts';

const PAGE = '/locks/internals-and-memory-model/';
const ZH_PAGE = `/zh-cn${PAGE}`;

// cond-lost-signal at par (7): W checks ready, S stores and signals before W's Wait takes a ticket.
const LOST_SIGNAL = ['1', '1', '2', '2', '1', '1', '1'];
// cond-if-not-for at par (19): C1 waits, P signals it, C2 barges in and takes the only job first.
const IF_NOT_FOR = '1 1 1 1 1 3 3 3 3 3 2 3 3 1 3 2 2 2 1'.split(' ');
// once-cas-broken at par (10): G1 wins the CAS and stays inside f; G2 runs through to its use of cfg.
const CAS_BROKEN = ['1', '1', '2', '2', '2', '2', '2', '2', '2', '2'];

const open = (page: Page, id: string, path = PAGE) => openVisualizer(page, id, path);

async function axe(page: Page, ids: string[]) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const id of ids) builder = builder.include(`#viz-${id}`);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  );
}

test('the ticket window with the keyboard: a Signal before W2 parks is not lost', async ({ page }) => {
  const { viz, narration, position } = await open(page, 'cond-ticket-window');
  await expect(position).toHaveText('Step 0 of 24');
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
  await expect(viz.locator('.viz-lane').nth(0).locator('.viz-lane-status')).toContainText(
    'waiting [sync.Cond.Wait]',
  );
  await expect(viz.locator('.viz-lane').nth(0).locator('li[aria-current="step"]')).toContainText('c.Wait()');
  await expect(viz.locator('.viz-state-box')).toContainText('W1, ticket 0');
  await expect(viz.locator('.viz-state-box')).toContainText('W2, ticket 1'); // took a ticket, not parked
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(narration).toContainText('W2 holds that ticket but has not parked yet');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText('Step 16 of 24');
  await expect(narration).toContainText('returns without parking');
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText('Step 15 of 24');
  await axe(page, ['cond-ticket-window']);
});

test('lose the signal with the keyboard, at par, and read the lesson', async ({ page }) => {
  const { viz, narration } = await open(page, 'cond-lost-signal');
  const status = viz.locator('.viz-level-status');
  await expect(viz.locator('.viz-level-moves')).toHaveText('Moves: 0 · par 7');
  for (const k of LOST_SIGNAL) await page.keyboard.press(k);
  await expect(status).toHaveAttribute('data-outcome', 'won');
  await expect(status).toContainText('You broke it in 7 moves, at par');
  await expect(viz.locator('.viz-log-list')).toContainText('the signal does nothing and is not remembered');
  await expect(narration).toContainText('joins the notify list and parks [sync.Cond.Wait]');
  await expect(viz.locator('.viz-lesson a')).toHaveAttribute(
    'href',
    '/locks/internals-and-memory-model/#inside-synccond-tickets-and-the-notify-list',
  );
  await axe(page, ['cond-lost-signal']);
});

test('简体中文: if instead of for, won at par with the keyboard', async ({ page }) => {
  const { viz } = await open(page, 'cond-if-not-for', ZH_PAGE);
  const status = viz.locator('.viz-level-status');
  await expect(viz.locator('.viz-level-moves')).toHaveText('步数：0 · 标准 19');
  for (const k of IF_NOT_FOR) await page.keyboard.press(k);
  await expect(status).toHaveAttribute('data-outcome', 'won');
  await expect(status).toContainText('达到标准步数');
  await expect(viz.locator('.viz-log-list')).toContainText('if 不会再检查');
  await expect(viz.locator('.viz-log-list')).toContainText(
    'panic: runtime error: index out of range [0] with length 0',
  );
  await expect(viz.locator('.viz-lesson a')).toHaveAttribute(
    'href',
    '/zh-cn/locks/internals-and-memory-model/#synccond-内部票号与通知队列',
  );
  await axe(page, ['cond-if-not-for']);
});

for (const [locale, path, right] of [
  ['en', PAGE, 'Right: done = 1.'],
  ['zh-cn', ZH_PAGE, '正确：done = 1。'],
] as const) {
  test(`Once (${locale}): predict o.done after a panicking f, with the keyboard`, async ({ page }) => {
    await page.goto(path);
    const viz = page.locator('#viz-once-panic-done');
    await viz.scrollIntoViewIfNeeded();
    await expect(viz.locator('.viz-state-box')).toBeHidden();
    const input = viz.locator('.viz-predict input[type="number"]');
    await input.focus();
    await page.keyboard.press('ArrowUp'); // 0 → 1
    await expect(input).toHaveValue('1');
    await page.keyboard.press('Tab');
    await expect(viz.locator('.viz-predict button').first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(viz.locator('.viz-level-status')).toHaveAttribute('data-outcome', 'won');
    await expect(viz.locator('.viz-level-status')).toContainText(right);
    await expect(viz.locator('.viz-state-box')).toContainText('1 (true)');
    await axe(page, ['once-panic-done', 'once-nested-do']);
  });
}

test('the CAS-only Once: use cfg before it is loaded, at par with the keyboard, and read the lesson', async ({
  page,
}) => {
  const { viz, narration } = await open(page, 'once-cas-broken');
  const status = viz.locator('.viz-level-status');
  await expect(viz.locator('.viz-level-moves')).toHaveText('Moves: 0 · par 10');
  await expect(viz.locator('.viz-state-box')).toContainText('CAS only');
  for (const k of CAS_BROKEN) await page.keyboard.press(k);
  await expect(status).toHaveAttribute('data-outcome', 'won');
  await expect(status).toContainText('You broke it in 10 moves, at par');
  await expect(viz.locator('.viz-log-list')).toContainText("Do returns at once, without waiting for G1's f");
  await expect(narration).toContainText('G2 reads cfg before it is loaded');
  await expect(viz.locator('.viz-lesson')).toContainText('done is stored only after f returns');
  await expect(viz.locator('.viz-lesson a')).toHaveAttribute(
    'href',
    '/locks/internals-and-memory-model/#inside-synconce-done-the-mutex-and-a-panicking-f',
  );
  await axe(page, ['once-cas-broken']);
});

test('简体中文: the CAS-only Once, a losing CAS returns without waiting for f', async ({ page }) => {
  const { viz, narration } = await open(page, 'once-cas-broken', ZH_PAGE);
  await expect(viz.locator('.viz-state-box')).toContainText('仅 CAS');
  for (const k of CAS_BROKEN.slice(0, 7)) await page.keyboard.press(k);
  await expect(narration).toContainText('CAS 失败，Do 立即返回，并不等待 G1 的 f 执行完');
  await expect(viz.locator('.viz-level-status')).not.toHaveAttribute('data-outcome', 'won');
  await axe(page, ['once-cas-broken']);
});

test('the nested Do deadlocks; on a 390 px phone nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { viz, narration, position } = await open(page, 'once-nested-do');
  await page.keyboard.press('Space');
  await expect(position).toHaveText('Step 8 of 8', { timeout: 30_000 });
  await expect(narration).toContainText('itself holds o.m');
  await expect(viz.locator('.viz-lane').nth(0).locator('.viz-lane-status')).toContainText('sync.Mutex.Lock');
  await expect(viz).toContainText('fatal error: all goroutines are asleep - deadlock!');
  for (const id of [
    'cond-ticket-window',
    'cond-if-not-for',
    'cond-lost-signal',
    'once-panic-done',
    'once-cas-broken',
  ]) {
    await page.locator(`#viz-${id}`).scrollIntoViewIfNeeded();
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
