/**
 * The channel model's visualizers in the Part I summary: a guided scenario stepped with the keyboard
 * (the ring buffer with sendx/recvx, sendq, the wait reasons), the "send on closed channel" level
 * won at par with the keyboard in English and in 简体中文, the qcount prediction, no sideways
 * scrolling on a 390 px phone, and axe on the channel visualizers in both themes.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openVisualizer } from './visualizer-helpers.ts';

const PAGE = '/locks/summary-and-capstone/';
const ZH_PAGE = `/zh-cn${PAGE}`;
// chan-close-while-sending at par: G1 parks in its select, main takes its value and closes both
// channels, then G2's select polls its send case first and finds results closed.
const PAR_WIN = ['1', '3', '3', '3', '2'];

const open = (page: Page, id: string, path = PAGE) => openVisualizer(page, id, path);

const lane = (viz: ReturnType<Page['locator']>, n: number) => viz.locator('.viz-lane').nth(n);
const chan = (viz: ReturnType<Page['locator']>, name: string) =>
  viz.locator(`.viz-chan[data-chan="${name}"]`);

test('the ring buffer with the keyboard: slots, sendx and recvx, a parked sender and the rotation', async ({
  page,
}) => {
  const { viz, narration } = await open(page, 'chan-buffer-ring');
  const c = chan(viz, 'c');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
  await expect(narration).toContainText('Step 2: G1: c <- 2 goes into slot 1 (sendx); qcount = 2 of 2.');
  await expect(c.locator('.viz-chan-slot')).toHaveText(['slot 0: 1 sendx, recvx here', 'slot 1: 2']);
  await page.keyboard.press('ArrowRight');
  await expect(lane(viz, 0).locator('.viz-lane-status')).toContainText('waiting [chan send]');
  await expect(c.getByRole('list', { name: 'c.sendq: parked senders, head first' })).toHaveText('G1 sends 3');
  await page.keyboard.press('ArrowRight');
  await expect(narration).toContainText(
    "G2: <-c takes 1 from the head slot 0 and moves G1's value 3 into that same slot",
  );
  await expect(c.locator('.viz-chan-slot')).toHaveText(['slot 0: 3', 'slot 1: 2 sendx, recvx here']);
  await expect(c.locator('dd').first()).toHaveText('2 / 2');
  await expect(lane(viz, 0).locator('.viz-lane-status')).toContainText('runnable');
  await expect(lane(viz, 0).getByRole('button')).toHaveText('Run G1: return from gopark');
  await page.keyboard.press('ArrowLeft');
  await expect(narration).toHaveText('Back to step 3.');
  await expect(c.locator('.viz-chan-slot').first()).toHaveText('slot 0: 1 sendx, recvx here');
});

test('you are the scheduler: send on closed channel through a select, at par, keyboard only', async ({
  page,
}) => {
  const { viz, narration } = await open(page, 'chan-close-while-sending');
  const status = viz.locator('.viz-level-status');
  await expect(viz.locator('.viz-level-moves')).toHaveText('Moves: 0 · par 5');
  await page.keyboard.press(PAR_WIN[0]!);
  await expect(lane(viz, 0).locator('.viz-lane-status')).toContainText('waiting [select]');
  await expect(chan(viz, 'results').getByRole('list', { name: /results\.sendq/ })).toHaveText(
    'G1 sends 1, in a select',
  );
  await expect(chan(viz, 'done').getByRole('list', { name: /done\.recvq/ })).toHaveText(
    'G1 receives, in a select',
  );
  for (const k of PAR_WIN.slice(1)) await page.keyboard.press(k);
  await expect(status).toHaveAttribute('data-outcome', 'won');
  await expect(status).toContainText('You broke it in 5 moves, at par');
  await expect(narration).toContainText('panic: send on closed channel');
  await expect(lane(viz, 1).locator('.viz-lane-status')).toContainText('crashed the program');
  await expect(viz.locator('.viz-lesson a')).toHaveAttribute(
    'href',
    '/locks/summary-and-capstone/#what-a-channel-does-under-its-lock',
  );
  // The link leads to a heading that exists on the page.
  await expect(page.locator('#what-a-channel-does-under-its-lock')).toHaveCount(1);
});

test('简体中文: the channel level and its state panel follow <html lang>', async ({ page }) => {
  const { viz, narration } = await open(page, 'chan-close-while-sending', ZH_PAGE);
  await page.keyboard.press('1');
  await expect(narration).toContainText('第 1 步：G1：select 按 <-done, results <- 1 的顺序轮询各个 case。');
  await expect(lane(viz, 0).getByRole('button')).toHaveText('G1: 现在无法运行');
  await expect(chan(viz, 'results').getByRole('list', { name: /results\.sendq：休眠的发送者/ })).toHaveText(
    'G1 发送 1，在 select 中',
  );
  for (const k of PAR_WIN.slice(1)) await page.keyboard.press(k);
  await expect(viz.locator('.viz-level-status')).toContainText('达到标准步数');
  await expect(narration).toContainText('panic: send on closed channel');
  await expect(viz.locator('.viz-lesson a')).toHaveAttribute(
    'href',
    '/zh-cn/locks/summary-and-capstone/#channel-在锁内做了什么',
  );
});

test('predict qcount: a right first answer counts and shows the full buffer', async ({ page }) => {
  await page.goto(PAGE);
  const viz = page.locator('#viz-chan-predict-qcount');
  await viz.scrollIntoViewIfNeeded();
  await expect(viz.locator('.viz-level-conceal')).toBeVisible();
  await viz.getByLabel('Value (qcount)').fill('3');
  await expect(viz.locator('.viz-predict-value')).toHaveText('Your answer: qcount = 3');
  await viz.getByRole('button', { name: 'Check' }).click();
  await expect(viz.locator('.viz-level-status')).toHaveText('✓ Right: qcount = 3.');
  await expect(chan(viz, 'c').locator('.viz-chan-slot')).toHaveText([
    'slot 0: 4',
    'slot 1: 2 sendx, recvx here',
    'slot 2: 3',
  ]);
});

test('on a 390 px phone the channel panel wraps instead of scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { viz } = await open(page, 'chan-select-wakeup');
  await page.keyboard.press('Space');
  await expect(viz.locator('.viz-position')).toHaveText('Step 6 of 6', { timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the channel visualizers (${theme})`, async ({
    page,
  }) => {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    const { viz } = await open(page, 'chan-select-wakeup');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(viz.locator('.viz-log-list li')).toHaveCount(3);
    await page.locator('#viz-chan-close-while-sending .viz-stage').focus();
    for (const k of PAR_WIN) await page.keyboard.press(k);
    await expect(page.locator('#viz-chan-close-while-sending .viz-lesson')).toBeVisible();
    // Only the two channel visualizers played here: the page holds a dozen, and axe over all of
    // them outlasts the test's time on a busy machine.
    const results = await new AxeBuilder({ page })
      .include('#viz-chan-select-wakeup')
      .include('#viz-chan-close-while-sending')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    ).toEqual([]);
  });
}
