/**
 * The terminal shows text for people, streamed by the real runner into Chromium, in both locales:
 * Test prints what `go test -v` prints ("=== RUN", "--- PASS", "--- FAIL"), never the test2json
 * events the test binary writes, in a lesson snippet that passes and in an exercise whose starter
 * fails; a program the sandbox stops ends with the summary of its goroutines, not the runtime's
 * dump, without the terminal being redrawn from the result, worded by the browser in the page's
 * language (a zh-cn deadlock shows no English sentence besides Go's own line).
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { GO_DEADLOCK_LINE } from '../../components/i18n/run-texts.ts';
import { STRINGS } from '../../components/i18n/index.ts';

const LOCALES = [
  {
    locale: 'en',
    prefix: '',
    test: 'Test',
    run: 'Run',
    snippet: 'A map behind sync.RWMutex, tested under -race',
    deadlock: 'Deadlock: locking a sync.Mutex twice',
  },
  {
    locale: 'zh-cn',
    prefix: '/zh-cn',
    test: '测试',
    run: '运行',
    snippet: '用 sync.RWMutex 保护的 map，在 -race 下测试',
    deadlock: '死锁：对 sync.Mutex 加锁两次',
  },
] as const;

/** Clicks a button (Test, Run) in a playground and waits until the run's result is drawn. */
async function clickAndWait(pg: Locator, name: string) {
  await pg.scrollIntoViewIfNeeded();
  await expect(pg.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await pg.getByRole('button', { name, exact: true }).click();
  await expect(pg).toHaveAttribute('data-status', /.+/, { timeout: 60_000 });
}

/**
 * The terminal as the learner has it: its full text (the mirror kept for screen readers), and the
 * rows xterm draws, one line each, once they show `last` (xterm paints on a later frame; runs of
 * spaces become one).
 * Neither may hold test2json JSON or the sandbox's directory.
 */
async function terminalText(pg: Locator, last: string): Promise<{ log: string; rows: string }> {
  const log = (await pg.locator('.pg-log').textContent()) ?? '';
  // xterm paints only a terminal that is on screen.
  await pg.locator('.xterm').scrollIntoViewIfNeeded();
  const rowsOf = async () =>
    (await pg.locator('.xterm-rows > div').allTextContents())
      .map((row) => row.replace(/\s+/g, ' ').trimEnd())
      .join('\n');
  await expect.poll(rowsOf).toContain(last);
  const rows = await rowsOf();
  for (const text of [log, rows]) {
    expect(text).not.toContain('{"Time":');
    expect(text).not.toContain('"Action"');
    expect(text).not.toContain('/sandbox/src/');
  }
  return { log, rows };
}

function playground(page: Page, title: string): Locator {
  return page
    .locator('lockstep-playground')
    .filter({ has: page.locator('.pg-title', { hasText: title }) })
    .first();
}

test.describe.configure({ mode: 'serial' });

for (const l of LOCALES) {
  test(`${l.locale}: Test in a lesson snippet prints go test -v text`, async ({ page }) => {
    await page.goto(`${l.prefix}/maps/rwmutex-maps/`);
    const pg = playground(page, l.snippet);
    await clickAndWait(pg, l.test);
    await expect(pg).toHaveAttribute('data-status', 'ok');
    const { log, rows } = await terminalText(pg, '--- PASS: TestConcurrentGetSet');
    expect(log).toMatch(/^=== RUN {3}TestConcurrentGetSet\n/);
    expect(log).toMatch(/\n--- PASS: TestConcurrentGetSet \(\d+\.\d\ds\)\nPASS\n$/);
    expect(rows).toContain('=== RUN TestConcurrentGetSet');
  });

  test(`${l.locale}: Test in an exercise prints the failing test as go test -v does`, async ({ page }) => {
    await page.goto(`${l.prefix}/locks/internals-and-memory-model/`);
    const pg = page.locator('lockstep-exercise lockstep-playground').first();
    await clickAndWait(pg, l.test);
    await expect(pg).toHaveAttribute('data-status', 'race');
    // The rows on screen are the end of the text: the last verdicts, then FAIL.
    const { log, rows } = await terminalText(pg, '--- PASS: TestZeroValue');
    expect(log).toMatch(/^=== RUN {3}TestIncFromManyGoroutines\n/);
    expect(log).toContain('WARNING: DATA RACE');
    expect(log).toMatch(/counter\.go:\d+/);
    expect(log).toContain('--- FAIL: TestIncFromManyGoroutines (');
    expect(log).toContain('=== RUN   TestZeroValue\n--- PASS: TestZeroValue (');
    expect(log).toMatch(/\nFAIL\n$/);
    expect(rows).toMatch(/\n--- PASS: TestZeroValue \(\d+\.\d\ds\)\nFAIL(\n|$)/);
  });

  test(`${l.locale}: a program the sandbox stops ends with its goroutines, not the runtime dump`, async ({
    page,
  }) => {
    await page.goto(`${l.prefix}/locks/production-lockup/`);
    const pg = playground(page, l.deadlock);
    await clickAndWait(pg, l.run);
    await expect(pg).toHaveAttribute('data-status', 'deadlock');
    const { log } = await terminalText(pg, 'main.main(...)');
    expect(log).toContain('fatal error: all goroutines are asleep - deadlock!');
    expect(log).toContain('[sync.Mutex.Lock]');
    expect(log).toMatch(/main\.go:\d+/);
    expect(log).not.toContain('SIGQUIT: quit');
    expect(log).not.toMatch(/gp=0x|goroutine 0 /);
  });
}

/** Three English words in a row: a sentence of ours, not a Go identifier, path or stack line. */
const ENGLISH_RUN = /\b[A-Za-z]{2,}\b[ ,]+\b[A-Za-z]{2,}\b[ ,]+\b[A-Za-z]{2,}\b/;

test('zh-cn: a deadlock’s terminal summary and explanation are Chinese, worded in the browser', async ({
  page,
}) => {
  await page.goto('/zh-cn/locks/production-lockup/');
  const pg = playground(page, '死锁：对 sync.Mutex 加锁两次');
  await clickAndWait(pg, '运行');
  await expect(pg).toHaveAttribute('data-status', 'deadlock');
  const { log } = await terminalText(pg, 'main.main(...)');
  const lines = log.split('\n');
  // Go's own line as Go prints it (what a learner searches for), then Lockstep's note in Chinese.
  expect(lines[0]).toBe(GO_DEADLOCK_LINE.deadlock);
  expect(lines[1]).toBe(STRINGS['zh-cn']['pg.stop.deadlock']);
  expect(lines[1]).toMatch(/^（由 Lockstep 发现：程序不再有任何进展/);
  // The rest is the goroutines as Go prints them; no line of the terminal is an English sentence.
  const goStack = /^(goroutine \d+ \[[^\]]+\]:|\S+\(\.\.\.\)|\t\S+:\d+)$/;
  for (const line of lines.slice(1).filter((l) => l !== '' && !goStack.test(l)))
    expect(line).not.toMatch(ENGLISH_RUN);
  expect(log).toMatch(/\n\tmain\.go:\d+\n/);
  // The explanation: the verdict and what a deadlock means, in Chinese.
  const explain = pg.locator('.pg-explain');
  await expect(explain).toContainText(STRINGS['zh-cn']['pg.explain.deadlock']);
  const text = (await explain.textContent()) ?? '';
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  expect(text).not.toMatch(ENGLISH_RUN);
});

test('en: the same stop note and explanation in English, from the same codes', async ({ page }) => {
  await page.goto('/locks/production-lockup/');
  const pg = playground(page, 'Deadlock: locking a sync.Mutex twice');
  await clickAndWait(pg, 'Run');
  await expect(pg).toHaveAttribute('data-status', 'deadlock');
  const { log } = await terminalText(pg, 'main.main(...)');
  expect(log.split('\n').slice(0, 2)).toEqual([GO_DEADLOCK_LINE.deadlock, STRINGS.en['pg.stop.deadlock']]);
  await expect(pg.locator('.pg-explain')).toContainText(STRINGS.en['pg.explain.deadlock']);
});
