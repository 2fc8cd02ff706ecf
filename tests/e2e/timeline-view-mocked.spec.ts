/**
 * A VIEW test, not a runner test: the run stream is answered in the browser with the converter's
 * golden timeline of the mutex program (playground/trace-timeline/testdata/mutex.json), so the
 * timeline's drawing, keyboard, sentences, editor mark, table, step mode, phone width and axe are
 * checked while the runner side of issue #18 is not merged. tests/e2e/timeline.spec.ts is the
 * real-runner spec that counts.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import type { RunRequest, RunResult } from '../../contract/run.ts';
import {
  axeFindings,
  focusSpanByKeyboard,
  LESSON,
  lessonWithMutexProgram,
  lessonWithProgram,
  markedLine,
  program,
} from './timeline-helpers.ts';

const golden = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../playground/trace-timeline/testdata/${name}.json`, import.meta.url), 'utf8'),
  ) as unknown;
const GOLDEN = golden('mutex');

function result(trace: RunResult['trace'], extra: Partial<RunResult> = {}): RunResult {
  return {
    status: 'ok',
    exitCode: 0,
    stdout: 'worker 1 has the lock\nworker 0 has the lock\nworker 2 has the lock\n',
    stderr: '',
    truncated: false,
    races: [],
    tests: [],
    diagnostics: [],
    goroutines: [],
    timings: { queueMs: 0, buildMs: 1, runMs: 1, totalMs: 2 },
    ...(trace ? { trace } : {}),
    ...extra,
  };
}

/** Answers the run stream with the golden timeline; records each request the page sent. */
async function serveGolden(
  page: Page,
  trace: RunResult['trace'],
  extra: Partial<RunResult> = {},
): Promise<RunRequest[]> {
  const sent: RunRequest[] = [];
  await page.routeWebSocket(/\/api\/run\/stream\?/, (ws) => {
    ws.onMessage((message) => {
      sent.push(JSON.parse(String(message)) as RunRequest);
      ws.send(JSON.stringify({ type: 'phase', phase: 'running' }));
      ws.send(JSON.stringify({ type: 'result', result: result(trace, extra) }));
    });
  });
  return sent;
}

test('en: the golden mutex timeline: lanes, keyboard selection, sentence, editor mark, table, steps, axe', async ({
  page,
}) => {
  // Many steps and axe on a page with Monaco: slow on a machine shared by several builds.
  test.setTimeout(150_000);
  const sent = await serveGolden(page, { timeline: GOLDEN as never });
  const pg = await lessonWithMutexProgram(page, LESSON.en);
  await pg.getByRole('button', { name: 'Timeline', exact: true }).click();
  await expect(pg.locator('section.tl')).toBeVisible();
  expect(sent[0]).toMatchObject({ action: 'run', trace: true });
  await expect(pg.locator('.tl-lane')).toHaveCount(4);
  await expect(pg.locator('.tl-lane').nth(3)).toHaveAttribute(
    'aria-label',
    'G4 main.worker, started at main.go:17',
  );
  await expect(pg.locator('.tl-edge')).toHaveCount(4);

  const label = await focusSpanByKeyboard(page, pg, /^G4, waiting: mu\.Lock\(\)/);
  expect(label).toBe('G4, waiting: mu.Lock(), 9 ns to 22 ns (13 ns)');
  await page.keyboard.press('Enter');
  await expect(pg.locator('.tl-say')).toHaveText(
    'G4 waited 13 ns on mu.Lock() at main.go:26; G3 held it from main.go:26 to main.go:29.',
  );
  expect(await markedLine(pg)).toBe(26);
  // Focus stays on the span: the learner can go on walking the lanes.
  await expect(pg.locator('.tl-span[aria-pressed="true"]')).toBeFocused();

  // Zoom in with the key, then back to the whole run with the button.
  await page.keyboard.press('+');
  await expect(pg.locator('.tl-window')).not.toHaveText('Showing 0 ns to 41 ns of 41 ns');
  await pg.getByRole('button', { name: 'Whole run' }).click();
  await expect(pg.locator('.tl-window')).toHaveText('Showing 0 ns to 41 ns of 41 ns');

  // The table holds the same spans, the selected one marked.
  await pg.getByRole('button', { name: 'Table', exact: true }).click();
  const table = pg.getByRole('table', { name: 'Every span of every goroutine, in time order' });
  await expect(table.locator('tbody tr')).toHaveCount(37);
  await expect(table.locator('tr.tl-row-selected')).toContainText('main.go:26');

  // Step mode: the visualizer's controls and keys.
  await pg.getByRole('button', { name: 'Step through' }).click();
  const stepSay = pg.locator('.tl-step-say');
  await page.keyboard.press('ArrowRight');
  await expect(stepSay).toHaveText('1 ns: G1 is running.');
  await page.keyboard.press('ArrowRight');
  await expect(pg.locator('.tl-steps .viz-position')).toHaveText('Event 2 of 41');
  await page.keyboard.press('ArrowLeft');
  await expect(stepSay).toHaveText('1 ns: G1 is running.');
  await page.keyboard.press('r');
  await expect(pg.locator('.tl-steps .viz-position')).toHaveText('Event 0 of 41');

  expect(await axeFindings(page)).toEqual([]);
});

test('zh-cn: the sentence and the labels in Chinese', async ({ page }) => {
  await serveGolden(page, { timeline: GOLDEN as never });
  const pg = await lessonWithMutexProgram(page, LESSON['zh-cn']);
  await pg.getByRole('button', { name: '时间线', exact: true }).click();
  await focusSpanByKeyboard(page, pg, /^G4，等待中：mu\.Lock\(\)/);
  await page.keyboard.press('Enter');
  await expect(pg.locator('.tl-say')).toHaveText(
    'G4 在 main.go:26 的 mu.Lock() 上等待了 13 纳秒；G3 从 main.go:26 到 main.go:29 持有它。',
  );
  expect(await markedLine(pg)).toBe(26);
  expect(await axeFindings(page)).toEqual([]);
});

test('a runner without traces, and a trace the runner could not take, are said, not drawn', async ({
  page,
}) => {
  await serveGolden(page, undefined);
  const pg = await lessonWithMutexProgram(page, LESSON.en);
  await pg.getByRole('button', { name: 'Timeline', exact: true }).click();
  await expect(pg.locator('.pg-timeline-status')).toHaveText(/^No timeline: this runner did not send one/);
  await expect(pg.locator('section.tl')).toHaveCount(0);
  await page.unrouteAll();
});

test('phone width: the page does not scroll sideways; the lanes scroll in their own region', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await serveGolden(page, { timeline: GOLDEN as never });
  const pg = await lessonWithMutexProgram(page, LESSON.en);
  await pg.getByRole('button', { name: 'Timeline', exact: true }).click();
  await expect(pg.locator('section.tl')).toBeVisible();
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  const region = pg.getByRole('region', { name: /Goroutine lanes/ });
  await expect(region).toHaveAttribute('tabindex', '0');
});

test('a deadlock ends with the wait-for picture; the race accesses sit on their goroutines’ lanes', async ({
  page,
}) => {
  // The final stacks as the runner reports them for programs/deadlock (the watchdog's SIGQUIT dump).
  await serveGolden(
    page,
    { timeline: golden('deadlock') as never },
    {
      status: 'deadlock',
      goroutines: [
        { id: 1, state: 'chan receive', frames: [{ func: 'main.main', file: 'main.go', line: 18 }] },
        {
          id: 2,
          state: 'sync.Mutex.Lock',
          frames: [
            { func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 46 },
            { func: 'main.main.func1', file: 'main.go', line: 15 },
          ],
        },
      ],
      races: [
        {
          accesses: [
            // The race detector's own number (7), matched to the trace's G2 by its go statement.
            { op: 'write', goroutine: 7, stack: [{ func: 'main.main.func1', file: 'main.go', line: 14 }] },
          ],
          goroutines: [{ id: 7, createdAt: [{ func: 'main.main', file: 'main.go', line: 12 }] }],
        },
      ],
    },
  );
  const pg = await lessonWithProgram(page, LESSON.en, program('deadlock'));
  await pg.getByRole('button', { name: 'Timeline', exact: true }).click();
  await expect(pg.locator('.tl-waitfor li')).toHaveText([
    'G1 waits on <-done at main.go:18',
    'G2 waits on mu.Lock() at main.go:15 — who holds it is not in the trace: an uncontended Lock records no event',
  ]);
  await expect(pg.locator('.tl-extra')).toContainText('No goroutine is left to wake any of them.');
  await expect(pg.locator('.tl-races li')).toHaveText([
    'Race: write by G2 (goroutine 7 in the race report) at main.go:14',
  ]);
  await expect(pg.locator('.tl-lane').nth(1).locator('.tl-race')).toHaveCount(1);
  // The last wait runs to the end of the trace and says so.
  await focusSpanByKeyboard(page, pg, /^G2, waiting: mu\.Lock\(\)/);
  await page.keyboard.press('Enter');
  await expect(pg.locator('.tl-say')).toHaveText(
    'G2 waited on mu.Lock() at main.go:15 from 7 ns until the trace ended.',
  );
  expect(await markedLine(pg)).toBe(15);
  expect(await axeFindings(page)).toEqual([]);
});

test('the learner’s own tasks, regions and logs are listed under the lanes, in both locales, on a phone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await serveGolden(page, { timeline: golden('annotations') as never });
  const pg = await lessonWithProgram(page, LESSON.en, program('annotations'));
  await pg.getByRole('button', { name: 'Timeline', exact: true }).click();
  await expect(pg.locator('.tl-extra')).toContainText('Your tasks, regions and logs (runtime/trace)');
  await expect(pg.locator('.tl-user > li > ul > li')).toHaveText([
    'G1 at 3 ns: log orderID: “42”',
    'G1: region “extract”, 5 ns to 16 ns (11 ns)',
    'G1: region “grind”, 6 ns to 14 ns (8 ns)',
    'G1 at 15 ns: log shots: “2”',
    'G2: region “steam”, 10 ns to 20 ns (10 ns)',
  ]);
  await expect(pg.locator('.tl-user > li').nth(1)).toContainText(
    'Task 2 “steamMilk”, inside task 1, 9 ns to 21 ns (12 ns)',
  );
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  expect(await axeFindings(page)).toEqual([]);

  const zh = await lessonWithProgram(page, LESSON['zh-cn'], program('annotations'));
  await zh.getByRole('button', { name: '时间线', exact: true }).click();
  await expect(zh.locator('.tl-user > li').first()).toContainText(
    '任务 1“makeCoffee”，2 纳秒 到 25 纳秒（23 纳秒）',
  );
  await expect(zh.locator('.tl-user > li > ul > li').first()).toHaveText('G1 在 3 纳秒：日志 orderID：“42”');
  expect(await axeFindings(page)).toEqual([]);
});

test('reduced motion: nothing in the timeline is animated', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await serveGolden(page, { timeline: GOLDEN as never });
  const pg = await lessonWithMutexProgram(page, LESSON.en);
  await pg.getByRole('button', { name: 'Timeline', exact: true }).click();
  const span = pg.locator('.tl-span').first();
  await expect(span).toBeVisible();
  expect(await span.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
});

test('zoom with Ctrl+wheel around the pointer, pan by dragging and with the arrow keys on the region', async ({
  page,
}) => {
  await serveGolden(page, { timeline: GOLDEN as never });
  const pg = await lessonWithMutexProgram(page, LESSON.en);
  await pg.getByRole('button', { name: 'Timeline', exact: true }).click();
  const windowText = pg.locator('.tl-window');
  await expect(windowText).toHaveText('Showing 0 ns to 41 ns of 41 ns');
  await pg.locator('.tl-scroll').scrollIntoViewIfNeeded();
  const track = (await pg.locator('.tl-track').first().boundingBox())!;
  // Ctrl+wheel at the track's left quarter: narrower, and still starting near that point.
  await page.mouse.move(track.x + track.width / 4, track.y + track.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect(windowText).toHaveText('Showing 4 ns to 30 ns of 41 ns');
  // A drag to the left shows later times; it is not a click, so nothing is selected.
  await page.mouse.move(track.x + track.width / 2, track.y + track.height / 2);
  await page.mouse.down();
  await page.mouse.move(track.x + track.width / 4, track.y + track.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(windowText).toHaveText('Showing 10 ns to 36 ns of 41 ns');
  await expect(pg.locator('.tl-say')).toBeEmpty();
  // On the region itself (not a span) the arrow keys pan.
  await pg.getByRole('region', { name: /Goroutine lanes/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(windowText).toHaveText('Showing 15 ns to 41 ns of 41 ns');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(windowText).not.toHaveText('Showing 15 ns to 41 ns of 41 ns');
});
