/**
 * The exercise Check waiting in the runner's queue, in Chromium against the real server: the
 * test fills every slot of the runner with long runs of its own clients (over /api/run/stream),
 * then the learner's Check says its place in line in the live status line, in English and in
 * Chinese, and is graded once the slots are free again. The page is axe-clean while it waits.
 * Steps follow messages and the page, never elapsed time.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const CHAPTER = '/locks/internals-and-memory-model/';

/** Prints a number every 50 ms until it is stopped (or the run limit ends it). */
const FOREVER = {
  action: 'run',
  files: {
    'main.go':
      'package main\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n\tfor i := 0; ; i++ {\n\t\tfmt.Println(i)\n\t\ttime.Sleep(50 * time.Millisecond)\n\t}\n}\n',
  },
};

/** A run of another client that holds one of the runner's slots until it is released. */
interface Holder {
  running: Promise<void>;
  release(): void;
}

/** Starts a long run as client `client`; `running` resolves when the sandbox runs it. */
function hold(baseURL: string, client: string): Holder {
  const url = new URL(`/api/run/stream?client=${client}`, baseURL);
  url.protocol = 'ws:';
  const socket = new WebSocket(url);
  const running = new Promise<void>((resolve, reject) => {
    socket.onopen = () => socket.send(JSON.stringify(FOREVER));
    socket.onmessage = (event) => {
      const m = JSON.parse(String(event.data)) as { type: string; phase?: string };
      if (m.type === 'phase' && m.phase === 'running') resolve();
      if (m.type === 'result' || m.type === 'error') reject(new Error(`holder ended: ${String(event.data)}`));
    };
    socket.onerror = () => reject(new Error('holder could not connect'));
  });
  return { running, release: () => socket.close() };
}

/** Fills every slot of the runner (health's queue.concurrency) with a holder. */
async function fillRunner(page: Page, baseURL: string, name: string): Promise<Holder[]> {
  const health = (await (await page.request.get('/api/health')).json()) as { queue: { concurrency: number } };
  const holders = Array.from({ length: health.queue.concurrency }, (_, i) => hold(baseURL, `${name}-${i}`));
  await Promise.all(holders.map((h) => h.running));
  return holders;
}

async function openExercise(page: Page, path: string) {
  await page.goto(path);
  const ex = page.locator('lockstep-exercise').first();
  await ex.scrollIntoViewIfNeeded();
  await expect(ex.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  return ex;
}

// Each test fills the whole runner: one at a time.
test.describe.configure({ mode: 'serial' });

const LOCALES = [
  {
    locale: 'en',
    prefix: '',
    check: 'Check',
    queued: /^Waiting for a checker: number \d+ in the queue\.$/,
    notYet: 'Not yet',
  },
  {
    locale: 'zh-cn',
    prefix: '/zh-cn',
    check: '检查',
    queued: /^正在等待检查器：排在第 \d+ 位。$/,
    notYet: '还没完成',
  },
];

for (const { locale, prefix, check, queued, notYet } of LOCALES) {
  test(`${locale}: a Check behind a busy runner says its place in line, then is graded`, async ({
    page,
    baseURL,
  }) => {
    const ex = await openExercise(page, `${prefix}${CHAPTER}`);
    const status = ex.locator('.ex-status');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    const holders = await fillRunner(page, baseURL!, `e2e-check-queue-${locale}`);
    try {
      await ex.getByRole('button', { name: check, exact: true }).click();
      await expect(status).toHaveText(queued);
      await expect(ex.getByRole('button', { name: check, exact: true })).toBeDisabled();

      const results = await new AxeBuilder({ page })
        .include('lockstep-exercise')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    } finally {
      for (const h of holders) h.release();
    }
    await expect(ex).toHaveAttribute('data-verdict', 'fail', { timeout: 60_000 });
    await expect(status).toContainText(notYet);
  });
}
