/**
 * The Timeline button on a server that cannot trace, for real: a server of its own whose trace
 * converter cannot be built (an offline host: GOPROXY=off, an empty module cache, a data dir with
 * no converter built before; GET /api/health says converter_unavailable). The traced run is
 * refused with trace_unavailable; the button then turns off (aria-disabled, still focusable,
 * described by the reason shown under the editor), a second click starts nothing, and Run still
 * works. In both locales, axe-clean.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import type { Health } from '../../contract/health.ts';
import { startServerProcess, stopServer, type ServerProcess } from '../integration/server-process.ts';
import { axeFindings, LESSON, lessonWithMutexProgram } from './timeline-helpers.ts';

test.describe.configure({ mode: 'serial' });

const SHARED_DATA_DIR = resolve(process.env.E2E_DATA_DIR ?? '.data/it');
const OWN_DATA_DIR = resolve('.data/e2e-no-converter');

let server: ServerProcess | undefined;
let base = '';

/** The shared Go build cache and test2json, hard-linked so this server does not warm from cold; no converter. */
function prepareDataDir(): string {
  rmSync(OWN_DATA_DIR, { recursive: true, force: true });
  const emptyModules = join(OWN_DATA_DIR, 'empty-modcache');
  mkdirSync(join(OWN_DATA_DIR, 'tools'), { recursive: true });
  mkdirSync(emptyModules, { recursive: true });
  if (existsSync(join(SHARED_DATA_DIR, 'gocache')))
    execFileSync('cp', ['-al', join(SHARED_DATA_DIR, 'gocache'), join(OWN_DATA_DIR, 'gocache')]);
  const tools = join(SHARED_DATA_DIR, 'tools');
  for (const name of existsSync(tools) ? readdirSync(tools) : [])
    if (name.startsWith('test2json-'))
      execFileSync('cp', ['-al', join(tools, name), join(OWN_DATA_DIR, 'tools')]);
  return emptyModules;
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const emptyModules = prepareDataDir();
  ({ server, base } = await startServerProcess({
    HOST: '127.0.0.1',
    LOCKSTEP_DATA_DIR: OWN_DATA_DIR,
    GOPROXY: 'off',
    GOMODCACHE: emptyModules,
    GOFLAGS: '',
  }));
  // The warm-up starts the converter's build; wait until it has ended, either way.
  for (let i = 0; i < 1200; i++) {
    const health = (await (await fetch(`${base}/api/health`)).json()) as Health;
    if (health.tracing.converter === 'failed' && health.cache.state === 'warm') return;
    if (health.tracing.converter === 'ready')
      throw new Error('the converter was built: this host is not offline');
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the converter build or the warm-up did not end');
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  rmSync(OWN_DATA_DIR, { recursive: true, force: true });
});

const CASES = [
  {
    locale: 'en' as const,
    button: 'Timeline',
    run: 'Run',
    ok: 'OK',
    note: 'Timeline is off: this server cannot record timelines. Run and Test still work.',
  },
  {
    locale: 'zh-cn' as const,
    button: '时间线',
    run: '运行',
    ok: '成功',
    note: '时间线已关闭：这台服务器无法记录时间线。运行和测试仍然可用。',
  },
];

for (const c of CASES) {
  test(`${c.locale}: a refused Timeline turns itself off with the reason, and Run still works`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    let sockets = 0;
    page.on('websocket', () => sockets++);
    const pg = await lessonWithMutexProgram(page, `${base}${LESSON[c.locale]}`);
    const timeline = pg.getByRole('button', { name: c.button, exact: true });
    await timeline.click();
    const note = pg.locator('.pg-timeline-status');
    await expect(note).toHaveText(c.note, { timeout: 60_000 });
    await expect(timeline).toHaveAttribute('aria-disabled', 'true');
    await expect(timeline).toHaveAccessibleDescription(c.note);
    // Not disabled natively: a keyboard user still reaches it and hears why it is off.
    await expect(timeline).toHaveJSProperty('disabled', false);
    await timeline.focus();
    await expect(timeline).toBeFocused();
    expect(sockets).toBe(1);

    // Pressed again (the keyboard's click) it starts nothing; Run opens the next socket and works.
    await page.keyboard.press('Enter');
    await pg.getByRole('button', { name: c.run, exact: true }).click();
    await expect(pg.locator('.pg-status')).toContainText(c.ok, { timeout: 60_000 });
    expect(sockets).toBe(2);
    await expect(pg.locator('.pg-log')).toContainText('has the lock');
    await expect(note).toHaveText(c.note);
    expect(await axeFindings(page)).toEqual([]);
  });
}
