/**
 * Motion with meaning in the visualizer (issue #19 §5), on the chapter page's mutex handoff scenario:
 * a parking goroutine's chip moves into m.sema's queue (tail for FIFO, head for LIFO), a woken or
 * handed-off one moves out to its lane, a failed CAS shakes the word, a CAS flips the bits one by
 * one, a handoff draws the lock passing; Play waits for a step's motion before the next. With
 * prefers-reduced-motion nothing is animated and the same DOM and narration appear. The document
 * timeline is stopped (CDP Animation.setPlaybackRate 0) while animations are inspected, so nothing
 * here depends on how fast the machine is; then it runs again and the final layout is checked.
 */
import { test, expect, type CDPSession, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openVisualizer } from './visualizer-helpers.ts';

const PAGE = '/locks/internals-and-memory-model/';
const ID = 'mutex-handoff';

/** A running animation the visualizer made, as the page sees it. */
interface Seen {
  id: string;
  key: string;
  transforms: string[];
  duration: number;
}

const open = (page: Page, path = PAGE) => openVisualizer(page, ID, path);

/** Stops the document timeline: animations are created but do not advance. */
async function freeze(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Animation.enable');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 0 });
  return cdp;
}

/** Lets the timeline run again and waits until every animation of the page has finished. */
async function thaw(page: Page, cdp: CDPSession): Promise<void> {
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 1 });
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

/** The visualizer's animations now running (CSS colour transitions left out). */
const seen = (page: Page): Promise<Seen[]> =>
  page.evaluate(() =>
    document
      .getAnimations()
      .filter((a) => a.id.startsWith('viz-'))
      .map((a) => {
        const effect = a.effect as KeyframeEffect;
        const el = effect.target as Element;
        return {
          id: a.id,
          key: el.getAttribute('data-key') ?? el.getAttribute('class') ?? el.tagName,
          transforms: effect.getKeyframes().map((k) => String(k.transform ?? '')),
          duration: Number(effect.getTiming().duration),
        };
      }),
  );

const ids = async (page: Page) => (await seen(page)).map((a) => `${a.id} ${a.key}`).sort();
const queue = (page: Page) => page.locator(`#viz-${ID} [data-queue="m.sema"] li`);

/** Steps the guided script to `n` with the keyboard. */
async function stepTo(page: Page, position: ReturnType<typeof page.locator>, from: number, n: number) {
  for (let i = from; i < n; i++) await page.keyboard.press('ArrowRight');
  await expect(position).toContainText(String(n));
}

for (const locale of ['en', 'zh-cn'] as const) {
  const path = locale === 'en' ? PAGE : `/zh-cn${PAGE}`;
  test(`motion carries meaning: CAS flip and shake, FIFO park, handoff, LIFO park (${locale})`, async ({
    page,
  }) => {
    test.slow(); // many steps, each re-rendered; on a shared 2-core machine pages load slowly
    const { viz, narration, position } = await open(page, path);
    const cdp = await freeze(page);

    await page.keyboard.press('ArrowRight'); // G1's fast-path CAS 0 → 1
    await expect(position).toContainText('1');
    expect(await ids(page)).toEqual(['viz-flip bit:m.state:0']);
    await page.keyboard.press('ArrowRight'); // G2's fast-path CAS fails: the word shakes, no bit flips
    expect(await ids(page)).toEqual(['viz-shake word:m.state']);
    await stepTo(page, position, 2, 4); // G2's lockSlow CAS 1 → 9 adds a waiter (bit 3)
    expect(await ids(page)).toEqual(['viz-flip bit:m.state:3']);

    await page.keyboard.press('ArrowRight'); // G2 parks: its chip leaves the lane for the queue
    const enter = (await seen(page)).find((a) => a.id === 'viz-enter');
    expect(enter?.key).toBe('g:G2');
    expect(enter?.transforms[0]).toMatch(/^translate\(/);
    expect(enter?.transforms.at(-1)).toBe('none');

    await stepTo(page, position, 5, 21); // G4 parks behind G2: FIFO, at the tail
    expect(await ids(page)).toEqual(['viz-enter g:G4']);
    await thaw(page, cdp);
    await expect(queue(page)).toHaveText(['G2', 'G4']);
    // After its move the chip sits where the layout puts it: second in the queue, not transformed.
    expect(
      await queue(page)
        .nth(1)
        .evaluate((el) => getComputedStyle(el).transform),
    ).toBe('none');

    await cdp.send('Animation.setPlaybackRate', { playbackRate: 0 });
    await stepTo(page, position, 21, 24); // G3's starvation-mode Unlock hands the mutex to G2
    expect(await ids(page)).toEqual([
      'viz-handoff viz-handoff-line',
      'viz-handoff-head viz-handoff-head',
      'viz-handoff-lock viz-handoff-lock',
      'viz-leave g:G2',
      'viz-shift g:G4',
    ]);
    await expect(viz.locator('svg.viz-handoff')).toHaveAttribute('aria-hidden', 'true');
    const axe = await new AxeBuilder({ page })
      .include(`#viz-${ID}`)
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await thaw(page, cdp);
    await expect(viz.locator('svg.viz-handoff')).toHaveCount(0);
    await expect(queue(page)).toHaveText(['G4']);
    await expect(narration).toContainText(locale === 'en' ? 'hands the mutex to G2' : 'G2');

    // Off the script: G2 is woken in normal mode, loses the mutex to G4's TryLock and re-queues
    // at the head (LIFO: it has waited before), in front of G3.
    await page.keyboard.press('r');
    await cdp.send('Animation.setPlaybackRate', { playbackRate: 0 });
    for (const g of '1 2 2 2 2 3 3 3 3 1 1 1 4 2 2 2 2'.split(' ')) await page.keyboard.press(g);
    await expect(position).toContainText('17');
    expect(await ids(page)).toEqual(['viz-enter g:G2', 'viz-shift g:G3']);
    await thaw(page, cdp);
    await expect(queue(page)).toHaveText(['G2', 'G3']);
  });
}

/** Steps the scenario to the handoff and returns what the stage and the narration say. */
async function handoffResult(page: Page, path: string) {
  const { viz, narration, position } = await open(page, path);
  await stepTo(page, position, 0, 24);
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  return {
    stage: await viz.locator('.viz-stage').innerHTML(),
    narration: await narration.textContent(),
    log: await viz.locator('.viz-log').innerText(),
  };
}

for (const locale of ['en', 'zh-cn'] as const) {
  const path = locale === 'en' ? PAGE : `/zh-cn${PAGE}`;
  test(`reduced motion: nothing moves, the same DOM and narration appear (${locale})`, async ({ page }) => {
    test.slow(); // many steps, each re-rendered; on a shared 2-core machine pages load slowly
    const moving = await handoffResult(page, path);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const { position } = await open(page, path);
    // Record every animation the page makes from here on, finished or not.
    await page.evaluate(() => {
      const made: string[] = [];
      (window as unknown as { made: string[] }).made = made;
      const animate = Element.prototype.animate;
      Element.prototype.animate = function (...args: Parameters<Element['animate']>) {
        made.push(String((args[1] as KeyframeAnimationOptions | undefined)?.id ?? 'unnamed'));
        return animate.apply(this, args);
      };
    });
    await stepTo(page, position, 0, 24);
    expect(await page.evaluate(() => (window as unknown as { made: string[] }).made)).toEqual([]);
    expect(
      await page.evaluate(() => document.getAnimations().filter((a) => a.id.startsWith('viz-')).length),
    ).toBe(0);
    const viz = page.locator(`#viz-${ID}`);
    expect(await viz.locator('.viz-stage').innerHTML()).toBe(moving.stage);
    expect(await viz.locator('.viz-narration').textContent()).toBe(moving.narration);
    expect(await viz.locator('.viz-log').innerText()).toBe(moving.log);
  });
}

test('Play waits for a step’s motion; the speed control scales it and is labelled', async ({ page }) => {
  // The page's timers are fake and stopped: only runFor moves them, so Play's waits are in our hands.
  await page.clock.install({ time: new Date('2026-12-07T00:00:00Z') });
  const { viz, position } = await open(page);
  await page.clock.pauseAt(new Date('2026-12-07T00:01:00Z'));
  const speed = viz.getByLabel('Speed');
  await expect(speed).toBeVisible();
  const cdp = await freeze(page);
  const durations: number[] = [];
  for (const pace of ['slow', 'normal', 'fast']) {
    await speed.selectOption(pace);
    await viz.locator('.viz-stage').focus();
    await page.keyboard.press('r');
    await page.keyboard.press('ArrowRight');
    durations.push((await seen(page))[0]!.duration);
  }
  expect(durations[0]).toBeGreaterThan(durations[1]!);
  expect(durations[1]).toBeGreaterThan(durations[2]!);

  await page.keyboard.press('r');
  await viz.getByRole('button', { name: 'Play' }).click();
  await expect(position).toHaveText('Step 1 of 30');
  await page.clock.runFor(10_000); // every wait for the speed has passed, the motion has not
  await expect(position).toHaveText('Step 1 of 30');
  await thaw(page, cdp); // the motion ends, the wait is over: the next step (and only it) comes
  await expect(position).toHaveText('Step 2 of 30');
  await viz.getByRole('button', { name: 'Pause' }).click();
});

test('RWMutex: a writer and a reader park on their semaphores and the writer is woken out (same intents)', async ({
  page,
}) => {
  await page.goto('/maps/rwmutex-maps/');
  const viz = page.locator('#viz-rwmutex-writer-preference');
  await viz.scrollIntoViewIfNeeded();
  await viz.locator('.viz-stage').focus();
  const position = viz.locator('.viz-position');
  const cdp = await freeze(page);
  await stepTo(page, position, 0, 5); // W waits for the readers: it parks on writerSem
  expect(await ids(page)).toEqual(['viz-enter g:W']);
  await stepTo(page, position, 5, 7); // R3 sees a writer pending and parks on readerSem
  expect(await ids(page)).toEqual(['viz-enter g:R3']);
  await stepTo(page, position, 7, 11); // the last reader leaves and wakes W
  expect(await ids(page)).toEqual(['viz-leave g:W']);
  await thaw(page, cdp);
  await expect(viz.locator('[data-queue="writerSem"] li')).toHaveCount(0);
  await expect(viz.locator('[data-queue="readerSem"] li')).toHaveText(['R3']);
});

test('on a 390 px phone the moves and the handoff arrow stay inside the page (no sideways scrolling)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { position } = await open(page);
  const cdp = await freeze(page);
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  await stepTo(page, position, 0, 21); // G4's chip on its way into the queue
  expect(await ids(page)).toEqual(['viz-enter g:G4']);
  expect(await width()).toBeLessThanOrEqual(390);
  await stepTo(page, position, 21, 24); // the handoff arrow drawn, G2 on its way out
  expect(await ids(page)).toContain('viz-handoff viz-handoff-line');
  expect(await width()).toBeLessThanOrEqual(390);
  await thaw(page, cdp);
});

test('asking for less motion mid-step ends the running motion at once (the setting is live)', async ({
  page,
}) => {
  const { position } = await open(page);
  await freeze(page);
  await stepTo(page, position, 0, 24);
  expect(await ids(page)).toContain('viz-leave g:G2');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect.poll(() => ids(page)).toEqual([]);
  await expect(page.locator(`#viz-${ID} svg.viz-handoff`)).toHaveCount(0);
  await page.keyboard.press('ArrowRight'); // and the next step makes none
  await expect(position).toContainText('25');
  expect(await ids(page)).toEqual([]);
});
