/**
 * The <lockstep-visualizer> island on a chapter page: a scenario played with the keyboard only, a
 * "you are the scheduler" level won at par (and lost, and undone) with its lesson, predict levels
 * (state hidden until the first, counted answer; Reveal ends the attempt), share links that never
 * award a win, reduced motion, the Chinese UI, and axe on the visualizers in both themes.
 * VIZ_E2E_PAGE overrides the page (e.g. a scratch page while the chapter does not embed them yet).
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openVisualizer, progressOf } from './visualizer-helpers.ts';

const PAGE = process.env.VIZ_E2E_PAGE ?? '/locks/internals-and-memory-model/';
const ZH_PAGE = `/zh-cn${PAGE}`;

// counter-lost-update at par (24 moves): G1 keeps a stale 3 while G2 makes its last increments.
const PAR_WIN = 'G1 G1 G1 G1 G1 G2 G1 G1 G1 G1 G2 G2 G1 G1 G2 G2 G2 G2 G2 G2 G2 G2 G2 G1'.split(' ');

const open = (page: Page, id: string, path = PAGE) => openVisualizer(page, id, path);

test('a scenario played with the keyboard only: step, back, play to the end, reset, pick a goroutine', async ({
  page,
}) => {
  const { viz, narration, position } = await open(page, 'mutex-starvation');
  await expect(narration).toHaveAttribute('aria-live', 'polite');
  await expect(position).toHaveText('Step 0 of 16');

  await page.keyboard.press('ArrowRight');
  await expect(narration).toContainText('Step 1: G1 acquires the unlocked mutex');
  await expect(viz.locator('.viz-bit[data-role="locked"] .viz-bit-value')).toHaveText('1');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText('Step 3 of 16');
  await expect(viz.locator('.viz-log-list li')).toHaveCount(3);
  await page.keyboard.press('ArrowLeft');
  await expect(narration).toHaveText('Back to step 2.');
  await expect(position).toHaveText('Step 2 of 16');

  // The program counter is a ▶ marker and aria-current, not colour alone.
  const g2 = viz.locator('.viz-lane').nth(1);
  await expect(g2.locator('li[aria-current="step"]')).toContainText('mu.Lock()');
  await expect(g2.locator('li[aria-current="step"] .viz-pc')).toHaveText('▶');

  await page.keyboard.press('Space');
  await expect(viz.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect(position).toHaveText('Step 16 of 16', { timeout: 30_000 });
  await expect(viz.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  await expect(viz.locator('.viz-bit[data-role="starving"]')).toHaveAttribute('data-on', '1');
  await expect(viz.locator('.viz-word-value')).toContainText('m.state = 13 (hex 0x0d)');
  await expect(g2.locator('.viz-lane-status')).toContainText('waiting [sync.Mutex.Lock]');

  await page.keyboard.press('r');
  await expect(narration).toHaveText('Reset to the start.');
  await page.keyboard.press('2');
  await expect(narration).toContainText('G2 acquires the unlocked mutex');
  await expect(viz.locator('.viz-note')).toBeVisible(); // off the guided script now
  expect(await viz.evaluate((el) => el.contains(document.activeElement))).toBe(true);
});

test('lockSlow locals: a waiter’s lane shows them in words while it is inside lockSlow, on a 390 px phone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { viz, position } = await open(page, 'mutex-starvation');
  const [g1, g2] = [viz.locator('.viz-lane').nth(0), viz.locator('.viz-lane').nth(1)];
  const locals = g2.locator('.viz-locals');
  const value = (label: string) =>
    locals.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  await expect(locals).toHaveCount(0); // not in lockSlow yet

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight'); // G2's fast-path CAS fails: lockSlow begins
  await expect(position).toHaveText('Step 2 of 16');
  await expect(locals.locator('.viz-locals-title')).toHaveText('lockSlow locals of G2');
  await expect(locals.locator('dl')).toHaveAttribute('aria-labelledby', /locals-G2$/);
  await expect(value('starving')).toHaveText('no');
  await expect(value('waitStartTime')).toHaveText('0: not queued yet');
  await expect(value('queueLifo')).toHaveText('back (FIFO)');

  for (let i = 2; i < 16; i++) await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText('Step 16 of 16');
  // Woken after waiting 2 ms, G2 is starving, set mutexStarving and parked again at the front of m.sema.
  await expect(g2.locator('.viz-lane-status')).toContainText('waiting [sync.Mutex.Lock]');
  await expect(value('starving (waited over 1 ms)')).toHaveText('yes');
  await expect(value('awoke')).toHaveText('yes');
  await expect(value('iter')).toHaveText('0');
  await expect(value('waitStartTime')).toHaveText('1,000 ns');
  await expect(value('queueLifo')).toHaveText('front (LIFO)');
  await expect(g1.locator('.viz-locals')).toHaveCount(0); // G1 finished: no lockSlow

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('you are the scheduler: lose, undo, then win at par; the win, its moves and the star are saved', async ({
  page,
}) => {
  const { viz, narration } = await open(page, 'counter-lost-update');
  const status = viz.locator('.viz-level-status');
  const moves = viz.locator('.viz-level-moves');
  await expect(moves).toHaveText('Moves: 0 · par 24');
  // Taking turns loses one increment per round: counter ends at 4, not low enough.
  for (let i = 0; i < 12; i++) for (const k of ['1', '2']) await page.keyboard.press(k);
  await expect(viz.locator('.viz-big')).toHaveText('counter = 4');
  await expect(status).toContainText('Every goroutine finished');
  await expect(status).toHaveAttribute('data-outcome', 'lost');
  await expect(moves).toHaveText('Moves: 24 · par 24');
  for (let i = 0; i < 24; i++) await page.keyboard.press('ArrowLeft'); // Undo to the start
  await expect(status).toHaveAttribute('data-outcome', 'playing');
  await expect(moves).toHaveText('Moves: 0 · par 24');
  await expect(viz.locator('.viz-lesson')).toBeHidden();

  for (const g of PAR_WIN) await page.keyboard.press(g.slice(1));
  await expect(status).toContainText('You broke it in 24 moves, at par: the star is yours');
  await expect(status).toHaveAttribute('data-outcome', 'won');
  await expect(narration).toContainText('an update is lost');
  await expect(viz.locator('.viz-big')).toHaveText('counter = 3');
  const lesson = viz.locator('.viz-lesson');
  await expect(lesson).toBeVisible();
  await expect(lesson.getByRole('link', { name: 'Read about it in the chapter' })).toHaveAttribute(
    'href',
    '/locks/internals-and-memory-model/#the-memory-model-happens-before-for-locks',
  );
  // Where to go next: the following level in course order, and the menu of every level.
  const next = viz.locator('.viz-next a');
  await expect(next.first()).toHaveAttribute('href', /^\/[a-z-]+\/[a-z-]+\/#viz-[a-z0-9-]+$/);
  await expect(next.last()).toHaveAttribute('href', '/levels/');
  await expect(next.last()).toHaveText('All levels and your results');
  const progress = await progressOf(page);
  expect(progress.visual['counter-lost-update']).toMatchObject({ won: true, moves: 24, star: true });
});

test('a hint gives up the star: said before it is pressed, recorded at once, a win at par earns none', async ({
  page,
}) => {
  const { viz } = await open(page, 'counter-lost-update');
  const hint = viz.getByRole('button', { name: 'Show a hint' });
  await expect(hint).toHaveAccessibleDescription('Using a hint gives up the star ★ for this level.');
  await hint.click();
  await expect(viz.locator('.viz-hints li')).toHaveCount(1);
  expect((await progressOf(page)).visual['counter-lost-update']).toMatchObject({ won: false, hints: 1 });
  await viz.locator('.viz-stage').focus();
  for (const g of PAR_WIN) await page.keyboard.press(g.slice(1));
  await expect(viz.locator('.viz-level-status')).toContainText(
    'You broke it in 24 moves, at par, but after a hint: no star.',
  );
  expect((await progressOf(page)).visual['counter-lost-update']).toMatchObject({
    won: true,
    moves: 24,
    star: false,
    hints: 1,
  });
});

test('predict the state: hidden until checked; the first (wrong) answer counts, a right retry does not', async ({
  page,
}) => {
  await page.goto(PAGE);
  const viz = page.locator('#viz-predict-mutex-waiter');
  test.skip((await viz.count()) === 0, 'predict-mutex-waiter is not on this page');
  await viz.scrollIntoViewIfNeeded();
  const status = viz.locator('.viz-level-status');
  const stateBox = viz.locator('.viz-state-box');
  await expect(stateBox).toBeHidden();
  await expect(viz.locator('.viz-level-conceal')).toContainText('first answer is the one that counts');
  // Stepping shows the lanes move but not the values.
  await viz.locator('.viz-stage').focus();
  await page.keyboard.press('ArrowRight');
  await expect(viz.locator('.viz-narration')).toHaveText(
    'Step 1 made. The state stays hidden until you check your answer.',
  );
  await expect(stateBox).toBeHidden();

  await viz.getByRole('button', { name: 'bit 0: locked' }).click();
  await viz.getByRole('button', { name: 'Check' }).click();
  await expect(status).toHaveAttribute('data-outcome', 'lost');
  await expect(status).toContainText('That first answer is the one that counts');
  await expect(stateBox).toBeVisible();
  await expect(viz.getByRole('button', { name: 'bit 0: locked' })).toHaveAttribute('aria-pressed', 'true');
  await viz.getByRole('button', { name: 'bit 3: waiters ×1' }).click();
  await expect(viz.locator('.viz-predict-value')).toContainText('m.state = 9 (0x09)');
  await viz.getByRole('button', { name: 'Check' }).click();
  await expect(status).toHaveAttribute('data-outcome', 'won');
  await expect(status).toContainText('Only your first answer counts, so this one is not recorded.');
  await expect(viz.locator('.viz-position')).toHaveText('Step 5 of 5');
  expect((await progressOf(page)).visual['predict-mutex-waiter']).toMatchObject({ won: false, tried: true });

  // Reveal on another predict level ends its attempt, unsolved, and shows the state.
  const starving = page.locator('#viz-predict-mutex-starving');
  await starving.scrollIntoViewIfNeeded();
  await expect(starving.locator('.viz-state-box')).toBeHidden();
  await starving.getByRole('button', { name: 'Show the steps' }).click();
  await expect(starving.locator('.viz-level-status')).toHaveText(
    '✗ Revealed: this attempt is over and is not counted as solved.',
  );
  await expect(starving.locator('.viz-state-box')).toBeVisible();
  expect((await progressOf(page)).visual['predict-mutex-starving']).toMatchObject({
    won: false,
    tried: true,
  });
});

test('predict readerCount: a right first answer counts, and the lesson links to the section', async ({
  page,
}) => {
  await page.goto('/maps/rwmutex-maps/');
  const viz = page.locator('#viz-predict-readercount');
  await viz.scrollIntoViewIfNeeded();
  const status = viz.locator('.viz-level-status');
  await viz.getByLabel('Active readers').fill('2');
  await expect(viz.locator('.viz-predict-value')).toHaveText('Your answer: readerCount = 2');
  await viz.getByLabel('A writer is pending').check();
  await expect(viz.locator('.viz-predict-value')).toHaveText(
    'Your answer: readerCount = 2 − 2^30 = -1073741822',
  );
  await viz.getByRole('button', { name: 'Check' }).click();
  await expect(status).toHaveAttribute('data-outcome', 'won');
  await expect(status).toHaveText('✓ Right: readerCount = 2 − 2^30 = -1073741822.');
  await expect(viz.locator('.viz-state-box')).toBeVisible();
  await expect(viz.locator('.viz-lesson a')).toHaveAttribute(
    'href',
    '/maps/rwmutex-maps/#rwmutex-deadlocks-recursive-rlock-and-upgrades',
  );
  expect((await progressOf(page)).visual['predict-readercount']).toMatchObject({ won: true, tried: true });
});

test('a share link restores the scenario at that step, and Copy link writes one', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${PAGE}#viz=mutex-starvation@12`);
  const viz = page.locator('#viz-mutex-starvation');
  await expect(viz.locator('.viz-position')).toHaveText('Step 12 of 16');
  await expect(viz.locator('.viz-narration')).toContainText('Step 12: 2000000 ns pass');
  await viz.locator('.viz-stage').focus();
  await page.keyboard.press('ArrowRight');
  await viz.getByRole('button', { name: 'Copy link' }).click();
  await expect(viz.locator('.viz-share-status')).toContainText('Link to step 13 copied.');
  expect(new URL(page.url()).hash).toBe('#viz=mutex-starvation@13');

  // Someone's winning link restores the position, but the win is not recorded for whoever opens it.
  await page.goto(`${PAGE}#viz=counter-lost-update@22~${PAR_WIN.join('.')}`);
  const level = page.locator('#viz-counter-lost-update');
  await expect(level.locator('.viz-position')).toHaveText('Step 22 of 24');
  await level.locator('.viz-stage').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(level.locator('.viz-level-status')).toHaveAttribute('data-outcome', 'won');
  await expect(level.locator('.viz-level-status')).toContainText('came from a shared link');
  expect((await progressOf(page)).visual?.['counter-lost-update']).toBeUndefined();
});

test('reduced motion: no transitions, nothing plays by itself', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  const { viz, position } = await open(page, 'mutex-starvation');
  await page.keyboard.press('ArrowRight');
  const transition = await viz
    .locator('.viz-code li')
    .first()
    .evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(transition).toBe('0s');
  await page.waitForTimeout(1200);
  await expect(position).toHaveText('Step 1 of 16');
  await context.close();
});

test('简体中文: the UI and the narration follow <html lang>', async ({ page }) => {
  const { viz, narration } = await open(page, 'mutex-starvation', ZH_PAGE);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(narration).toContainText('第 2 步：G2：快速路径的 CAS 失败');
  await expect(viz.getByRole('button', { name: /重置/ })).toBeVisible();
  const level = page.locator('#viz-counter-lost-update');
  await expect(level.locator('.viz-level-moves')).toHaveText('步数：0 · 标准 24');
  await level.locator('.viz-stage').focus();
  for (const g of PAR_WIN) await page.keyboard.press(g.slice(1));
  await expect(level.locator('.viz-level-status')).toContainText('达到标准步数');
  await expect(level.locator('.viz-lesson a')).toHaveAttribute(
    'href',
    '/zh-cn/locks/internals-and-memory-model/#内存模型锁的-happens-before-关系',
  );
  await expect(page.locator('#viz-predict-mutex-waiter .viz-level-conceal')).toContainText('只有第一次作答');
});

test('sync.Map since Go 1.24 in 简体中文: a Store waits for the node mutex, Load takes no lock, the trie grows', async ({
  page,
}) => {
  const { viz, narration, position } = await open(page, 'syncmap-trie-store', '/zh-cn/maps/sync-map/');
  await expect(position).toHaveText('第 0 步，共 9 步');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(narration).toContainText('G2 等待节点 0 的互斥锁，它由 G1 持有');
  await expect(viz.locator('.viz-lane').nth(1).locator('.viz-lane-status')).toContainText('sync.Mutex.Lock');
  await page.keyboard.press('ArrowRight');
  await expect(narration).toContainText('G3：Load(a) 不加锁');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText('第 9 步，共 9 步');
  // Store("b") met "a" in root slot 1: a new indirect node 1 splits them by the next 4 hash bits.
  const nodes = viz.locator('.viz-table').first();
  await expect(nodes).toContainText('[1] → 节点 1');
  await expect(nodes).toContainText('[2] "a": "1"');
  await expect(nodes).toContainText('[5] "b": "2"');
  const results = await new AxeBuilder({ page })
    .include('#viz-syncmap-trie-store')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')})`,
    ),
  ).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the visualizers (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    const { viz } = await open(page, 'mutex-starvation');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.locator('#viz-counter-lost-update .viz-stage').focus();
    for (const g of PAR_WIN) await page.keyboard.press(g.slice(1)); // the win shows the lesson and its link
    await page.locator('#viz-counter-lost-update').getByRole('button', { name: 'Show a hint' }).click();
    await expect(page.locator('#viz-counter-lost-update .viz-lesson')).toBeVisible();
    await expect(viz.locator('.viz-log-list li')).toHaveCount(5);
    const results = await new AxeBuilder({ page })
      .include('lockstep-visualizer')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    ).toEqual([]);
  });
}
