/**
 * The starvation break level with the keyboard only, in English and 简体中文: choosing GOMAXPROCS (and
 * what runtime_canSpin makes of it), ticking the clock past starvationThresholdNs, winning at par, the
 * spin choice and ticks in the share link, a hint that gives up the star, axe, and a 390 px phone
 * without sideways scrolling.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openVisualizer, progressOf } from './visualizer-helpers.ts';

const PAGE = '/locks/internals-and-memory-model/';
const ID = 'mutex-starve-and-recover';
// The par schedule (22 moves): G2 queues, G1's Unlock wakes it, G3 barges in and holds the mutex while
// 2 ms pass, G2 wakes starving and queues at the front, G3's Unlock hands off, G2 (the last waiter) exits.
const MS = 'tick';
const PAR = ['G1', 'G1', 'G2', 'G2', 'G2', 'G1', 'G1', 'G1', 'G2', 'G3', 'G3', 'G3', 'G3', MS, MS];
PAR.push('G2', 'G2', 'G2', 'G2', 'G3', 'G3', 'G2');

// Some forty key presses each, and Shift+Tab walks to the controls: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

const focused = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focus ?? '');

const open = async (page: Page, path = PAGE) => (await openVisualizer(page, ID, path)).viz;

/** Moves keyboard focus back from the stage with Shift+Tab until the control `focus` has it. */
async function tabTo(page: Page, viz: Locator, focus: string): Promise<void> {
  await viz.locator('.viz-stage').focus();
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Shift+Tab');
    if ((await focused(page)) === focus) return;
  }
  throw new Error(`Shift+Tab from the stage never reached ${focus}`);
}

/** Plays the moves: number keys for goroutines, Enter on the "+1 ms" button for a tick. */
async function play(page: Page, viz: Locator, moves: string[]): Promise<void> {
  await viz.locator('.viz-stage').focus();
  for (const m of moves) {
    if (m === MS) {
      if ((await focused(page)) !== 'tick-1000000') await tabTo(page, viz, 'tick-1000000');
      await page.keyboard.press('Enter');
    } else await page.keyboard.press(m.slice(1));
  }
}

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page })
    .include(`#viz-${ID}`)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  );
}

test('English, keyboard only: GOMAXPROCS and canSpin, ticks past 1 ms, a win at par with the star', async ({
  page,
}) => {
  const viz = await open(page);
  const narration = viz.locator('.viz-narration');
  const verdict = viz.locator('.viz-spin-verdict');
  const tick = viz.getByRole('button', { name: '+1 ms' });
  await expect(viz.locator('.viz-hint-cost')).toHaveText('Using a hint gives up the star ★ for this level.');
  await expect(viz.getByRole('button', { name: 'Show a hint' })).toHaveAccessibleDescription(
    'Using a hint gives up the star ★ for this level.',
  );
  await expect(verdict).toContainText('runtime_canSpin says no: GOMAXPROCS 1 ≤ npidle 0 + nmspinning 0 + 1');
  await expect(tick).toBeDisabled(); // nobody has queued: time passing changes nothing yet
  await expect(viz.locator('.viz-ticks')).toContainText('No goroutine has queued');

  // GOMAXPROCS 2 with another P running: canSpin says yes, and a goroutine finding the mutex locked spins.
  await tabTo(page, viz, 'gomaxprocs');
  await page.keyboard.press('ArrowDown');
  await expect(narration).toHaveText('GOMAXPROCS = 2, another P running. The run restarts.');
  await expect(verdict).toContainText(
    'runtime_canSpin says yes: numCPUStartup 4 > 1, GOMAXPROCS 2 > npidle 0',
  );
  await play(page, viz, ['G1', 'G2', 'G2']);
  await expect(narration).toContainText('G2 spins (iteration 1 of at most 4)');
  // The other Ps idle: no other running P, so no spinning (the run restarts).
  await tabTo(page, viz, 'idle');
  await page.keyboard.press('Space');
  await expect(narration).toHaveText('GOMAXPROCS = 2, the other Ps idle. The run restarts.');
  await expect(verdict).toContainText('runtime_canSpin says no: GOMAXPROCS 2 ≤ npidle 1 + nmspinning 0 + 1');
  await expect(viz.locator('.viz-level-moves')).toHaveText('Moves: 0 · par 22');
  await tabTo(page, viz, 'gomaxprocs');
  await page.keyboard.press('ArrowUp');
  await expect(narration).toHaveText('GOMAXPROCS = 1, no other P. The run restarts.');
  await expect(viz.getByLabel('The other Ps are idle')).toBeDisabled();

  // Exactly 1 ms is not more than starvationThresholdNs: G2 wakes without starving. Undo is free.
  await play(page, viz, PAR.slice(0, 5));
  await expect(tick).toBeEnabled();
  // G1's Unlock releases the semaphore before G2 sleeps on it, so G2 takes it and wakes at once.
  await play(page, viz, [MS, 'G1', 'G1', 'G1', 'G2', 'G2']);
  await expect(narration).toContainText('G2 wakes up (normal mode');
  await expect(narration).not.toContainText('starving');
  await viz.locator('.viz-stage').focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
  await expect(viz.locator('.viz-level-moves')).toHaveText('Moves: 5 · par 22');

  await play(page, viz, PAR.slice(5, 14));
  await expect(viz.locator('.viz-clock-now')).toContainText('1 ms passed, 1 ms of the 2 ms');
  await play(page, viz, PAR.slice(14, 16));
  await expect(narration).toContainText('It waited 2000000 ns (> 1 ms), so it is now starving.');
  await expect(tick).toBeDisabled(); // the level's 2 ms are used up
  await expect(viz.locator('.viz-ticks')).toContainText('The time this level allows has passed.');
  await play(page, viz, PAR.slice(16, 19));
  await expect(viz.locator('.viz-bit[data-role="starving"]')).toHaveAttribute('data-on', '1');
  await play(page, viz, PAR.slice(19));
  const status = viz.locator('.viz-level-status');
  await expect(status).toHaveAttribute('data-outcome', 'won');
  await expect(status).toContainText('You broke it in 22 moves, at par: the star is yours');
  await expect(narration).toContainText(
    'switches the mutex back to normal mode because it was the last waiter',
  );
  await expect(viz.locator('.viz-lesson a')).toHaveAttribute(
    'href',
    '/locks/internals-and-memory-model/#starvation-mode-and-spinning',
  );
  expect((await progressOf(page)).visual[ID]).toMatchObject({ won: true, moves: 22, star: true, spin: '1' });

  // The share link carries the ticks and the spin choice.
  await tabTo(page, viz, 'share');
  await page.keyboard.press('Enter');
  expect(new URL(page.url()).hash).toMatch(
    /^#viz=mutex-starve-and-recover@22~G1\.G1\..*\.\+1000000\.\+1000000\..*!1$/,
  );

  // A hint after the star: the star stays, the hint is recorded.
  await tabTo(page, viz, 'hint');
  await page.keyboard.press('Enter');
  await expect(viz.locator('.viz-hints li')).toHaveCount(1);
  await expect(viz.locator('.viz-hint-cost')).toContainText('You have seen 1 hint(s)');
  expect((await progressOf(page)).visual[ID]).toMatchObject({ star: true, hints: 1 });
  await axeClean(page);
});

test('简体中文 on a 390 px phone: a hint gives up the star, the win still counts, no sideways scrolling', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const viz = await open(page, `/zh-cn${PAGE}`);
  await expect(viz.locator('.viz-hint-cost')).toHaveText('使用提示将放弃本关的星标 ★。');
  await expect(viz.locator('.viz-spin-verdict')).toContainText('runtime_canSpin 的结论是不能自旋');
  await tabTo(page, viz, 'hint');
  await page.keyboard.press('Enter');
  await expect(viz.locator('.viz-hints li')).toHaveCount(1);
  await expect(viz.locator('.viz-hint-cost')).toHaveText(
    '你已查看本关的 1 条提示：之后在这里获胜不再获得星标。',
  );
  expect((await progressOf(page)).visual[ID]).toMatchObject({ won: false, hints: 1 });

  await play(page, viz, PAR.slice(0, 13));
  await expect(viz.getByRole('button', { name: '+1 毫秒' })).toBeEnabled();
  await expect(viz.getByRole('button', { name: '+500 微秒（一个刻度）' })).toBeEnabled();
  await play(page, viz, PAR.slice(13));
  const status = viz.locator('.viz-level-status');
  await expect(status).toHaveAttribute('data-outcome', 'won');
  await expect(status).toContainText('你用 22 步把程序弄坏了，达到标准步数，但用过提示：没有星标。');
  await expect(viz.locator('.viz-lesson a')).toHaveAttribute(
    'href',
    '/zh-cn/locks/internals-and-memory-model/#饥饿模式与自旋',
  );
  expect((await progressOf(page)).visual[ID]).toMatchObject({ won: true, moves: 22, star: false, hints: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await axeClean(page);

  // On the next visit the hint is shown again and the level says it was solved after a hint.
  await page.reload();
  await viz.scrollIntoViewIfNeeded();
  await expect(viz.locator('.viz-level-solved')).toHaveText('✓ 之前已解决，用过提示。');
  await expect(viz.locator('.viz-hints li')).toHaveCount(1);
});
