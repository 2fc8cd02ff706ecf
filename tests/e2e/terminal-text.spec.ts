/**
 * The terminal shows text for people, streamed by the real runner into Chromium, in both locales:
 * Test prints what `go test -v` prints ("=== RUN", "--- PASS", "--- FAIL"), never the test2json
 * events the test binary writes, in a lesson snippet that passes and in an exercise whose starter
 * fails; a program the sandbox stops ends with the summary of its goroutines, not the runtime's
 * dump, without the terminal being redrawn from the result.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';

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
