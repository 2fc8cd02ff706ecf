/**
 * The "needs a newer Go" note, for real: a server of its own with a Go 1.24 first on PATH (GET
 * /api/health then says go1.24.x) serves the built site; an example and an exercise that declare
 * go 1.25 say so before Run, in both locales, and an example without a minimum says nothing. On
 * the suite's own server the same page shows the note only if its Go is older than 1.25.
 * The Go 1.24 comes from tests/older-go.ts (E2E_OLD_GOROOT, the module cache, or the Go module
 * proxy); the test is skipped, with the reason, when there is none.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import type { Health } from '../../contract/health.ts';
import { needsNewerGo, shownGoVersion } from '../../contract/go-version.ts';
import { STRINGS } from '../../components/i18n/index.ts';
import { startServerProcess, stopServer, type ServerProcess } from '../integration/server-process.ts';
import { axeFindings } from './timeline-helpers.ts';
import { olderGo } from '../older-go.ts';

test.describe.configure({ mode: 'serial' });

const OWN_DIR = resolve('.data/e2e-old-go');

const found = olderGo();
let server: ServerProcess | undefined;
let base = '';
let runnerGo = '';

test.beforeAll(async () => {
  if ('reason' in found) return;
  test.setTimeout(120_000);
  mkdirSync(join(OWN_DIR, 'data'), { recursive: true });
  ({ server, base } = await startServerProcess({
    HOST: '127.0.0.1',
    PATH: `${join(found.goroot, 'bin')}:${process.env.PATH ?? ''}`,
    GOROOT: found.goroot,
    GOTOOLCHAIN: 'local',
    LOCKSTEP_DATA_DIR: join(OWN_DIR, 'data'),
    LOCKSTEP_CONCURRENCY: '1',
  }));
  runnerGo = ((await (await fetch(`${base}/api/health`)).json()) as Health).go.version;
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

const playground = (page: Page, title: string) =>
  page
    .locator('lockstep-playground')
    .filter({ has: page.locator('.pg-title', { hasText: title }) })
    .first();

const CASES = [
  {
    locale: 'en' as const,
    prefix: '',
    fence: 'A timeout path proven in fake time',
    plain: 'Deadlock: locking a sync.Mutex twice',
  },
  {
    locale: 'zh-cn' as const,
    prefix: '/zh-cn',
    fence: '用假时钟证明超时分支',
    plain: '死锁：对 sync.Mutex 加锁两次',
  },
];

for (const c of CASES) {
  test(`${c.locale}: on a Go 1.24 runner, a go=1.25 example and exercise say so before Run`, async ({
    page,
  }) => {
    test.skip('reason' in found, 'reason' in found ? found.reason : '');
    // axe over a chapter's dozen playgrounds takes long on a busy machine.
    test.setTimeout(240_000);
    expect(runnerGo).toMatch(/^go1\.24\./);
    const have = shownGoVersion(runnerGo);
    const words = STRINGS[c.locale];

    await page.goto(`${base}${c.prefix}/locks/production-lockup/`);
    const pg = playground(page, c.fence);
    const note = pg.locator('.pg-go-note');
    await expect(note).toHaveText(words['pg.go.needs'].replace('{need}', '1.25').replace('{have}', have));
    await expect(note).toHaveAttribute('role', 'note');
    await expect(note).toHaveAttribute('data-runner-go', runnerGo);
    // Before Run: the note comes right before the toolbar that holds it.
    expect(await note.evaluate((n) => n.nextElementSibling?.getAttribute('role'))).toBe('toolbar');
    await expect(playground(page, c.plain).locator('.pg-go-note')).toBeHidden();
    expect(await axeFindings(page)).toEqual([]);

    await page.goto(`${base}${c.prefix}/maps/race-detector/`);
    const exercise = page
      .locator('lockstep-exercise')
      .filter({ has: page.locator('#exercise-synctest-ttl-cache') })
      .locator('lockstep-playground');
    await expect(exercise.locator('.pg-go-note')).toHaveText(
      words['ex.go.needs'].replace('{need}', '1.25').replace('{have}', have),
    );
    const other = page
      .locator('lockstep-exercise')
      .filter({ has: page.locator('#exercise-racedet-read-the-report') })
      .locator('lockstep-playground');
    await expect(other.locator('.pg-toolbar')).toBeVisible();
    await expect(other.locator('.pg-go-note')).toBeHidden();
  });
}

test('on the suite’s own server the note shows only if its Go is older than 1.25', async ({ page }) => {
  const health = (await (await page.request.get('/api/health')).json()) as Health;
  await page.goto('/locks/production-lockup/');
  const pg = playground(page, 'A timeout path proven in fake time');
  const note = pg.locator('.pg-go-note');
  // The note records the runner's Go it decided on, so "hidden" is checked after the decision.
  await expect(note).toHaveAttribute('data-runner-go', health.go.version);
  if (needsNewerGo('1.25', health.go.version)) await expect(note).toBeVisible();
  else await expect(note).toBeHidden();
});
