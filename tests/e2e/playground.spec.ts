/**
 * The playground in Chromium against the real runner: edit and run with streamed output, a race
 * drawn on the code, a deadlock explained, gofmt, share links, keyboard-only use, a runner that
 * is down, and axe on the full-page playground.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { encodeShare } from '../../components/playground/share.ts';

const LOST_UPDATE = '/locks/internals-and-memory-model/';
/** The racy example on that page (content/snippets/locks/lost-update). */
const LOST_UPDATE_TITLE = 'Lost update: counter++ from two goroutines';

async function openPlayground(page: Page, path: string, title?: string) {
  await page.goto(path);
  const all = page.locator('lockstep-playground');
  const pg = title ? all.filter({ has: page.locator('.pg-title', { hasText: title }) }).first() : all.first();
  await pg.scrollIntoViewIfNeeded();
  await expect(pg.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  return pg;
}

/** True when keyboard focus is inside a Monaco editor (a textarea or an EditContext element). */
async function editorHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-editor')));
}

async function typeInEditor(page: Page, pg: ReturnType<Page['locator']>, text: string) {
  await pg.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

test.describe.configure({ mode: 'serial' });

test('edit, run: output streams into the terminal and the verdict shows', async ({ page }) => {
  await page.goto('/playground/');
  const pg = page.locator('lockstep-playground').first();
  await expect(pg.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await pg
    .getByRole('combobox', { name: /example/i })
    .selectOption({ label: 'The same counter, protected by a sync.Mutex' });
  await typeInEditor(page, pg, '\n// edited by the test\n');
  await pg.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(pg.locator('.pg-status')).toContainText(/Building|Running|Waiting|Connecting/);
  await expect(pg.locator('.pg-status')).toContainText('OK', { timeout: 60_000 });
  await expect(pg.locator('.pg-log')).toContainText('counter = 2000');
  await expect(pg.locator('.xterm-rows')).toContainText('counter = 2000');
});

test('a racy snippet: race panel and the conflicting line marked', async ({ page }) => {
  const pg = await openPlayground(page, LOST_UPDATE, LOST_UPDATE_TITLE);
  await expect(pg).toHaveAttribute('data-playground', /.+/);
  await pg.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(pg.locator('.pg-status')).toContainText('Data race', { timeout: 60_000 });
  const panel = pg.locator('.pg-race').first();
  await expect(panel).toBeVisible();
  await expect(panel.locator('.pg-access')).toHaveCount(2);
  await expect(panel.getByRole('button', { name: /main\.go:18/ }).first()).toBeVisible();
  await expect(pg.locator('.pg-line-race, .pg-line-race-previous').first()).toBeVisible();
  await expect(pg.locator('.pg-explain a')).toHaveAttribute('href', '/maps/race-detector/');
});

test('a deadlocking snippet: explanation and blocked goroutines with their lines', async ({ page }) => {
  const pg = await openPlayground(page, '/locks/production-lockup/', 'Deadlock: locking a sync.Mutex twice');
  await pg.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(pg.locator('.pg-status')).toContainText('Deadlock', { timeout: 60_000 });
  await expect(pg.locator('.pg-explain')).toContainText('Every goroutine is blocked');
  await expect(pg.locator('.pg-goroutines')).toContainText('sync.Mutex.Lock');
  await expect(pg.locator('.pg-line-blocked').first()).toBeVisible();
});

// runtime/testdata/testprog/deadlock.go GoexitDeadlock: main calls runtime.Goexit on line 12.
const GOEXIT_IN_MAIN = `package main

import "runtime"

func main() {
	f := func() {
		for i := 0; i < 10; i++ {
		}
	}
	go f()
	go f()
	runtime.Goexit()
}
`;

for (const { path, race, run, verdict, explain, title } of [
  {
    path: '/playground/',
    race: true,
    run: 'Run',
    verdict: 'Deadlock',
    explain: 'main called runtime.Goexit',
    title: 'Where main called runtime.Goexit',
  },
  {
    path: '/zh-cn/playground/',
    race: false,
    run: '运行',
    verdict: '死锁',
    explain: 'main 调用了 runtime.Goexit',
    title: 'main 调用 runtime.Goexit 的位置',
  },
]) {
  test(`main calls runtime.Goexit (${path}, race ${race}): a deadlock, explained, the Goexit line marked`, async ({
    page,
  }) => {
    await page.goto(`${path}#${await encodeShare({ 'main.go': GOEXIT_IN_MAIN })}`);
    const pg = page.locator('lockstep-playground').first();
    await expect(pg.locator('.view-lines')).toContainText('runtime.Goexit()', { timeout: 30_000 });
    const raceSwitch = pg.getByRole('checkbox');
    if ((await raceSwitch.isChecked()) !== race) await raceSwitch.click();
    await pg.getByRole('button', { name: run, exact: true }).click();
    await expect(pg.locator('.pg-status')).toContainText(verdict, { timeout: 60_000 });
    await expect(pg.locator('.pg-explain')).toContainText(explain);
    const where = pg.getByRole('region', { name: title });
    await expect(where.getByRole('button', { name: /main\.go:12/ })).toBeVisible();
    await expect(pg.locator('.pg-line-blocked')).toHaveCount(1);
    await expect(pg.locator('.xterm-rows')).toContainText('no goroutines (main called runtime.Goexit)');
  });
}

test('Format rewrites the code with gofmt', async ({ page }) => {
  await page.goto('/playground/');
  const pg = page.locator('lockstep-playground').first();
  await expect(pg.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await typeInEditor(page, pg, '\nfunc   badlyFormatted( ){ }\n');
  await pg.getByRole('button', { name: 'Format', exact: true }).click();
  await expect(pg.locator('.pg-note')).toContainText('Formatted with gofmt');
  await expect(pg.locator('.view-lines')).toContainText('func badlyFormatted() {}');
});

test('Share copies a link that restores the files', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/playground/');
  const pg = page.locator('lockstep-playground').first();
  await expect(pg.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await typeInEditor(page, pg, '\n// shared-marker-42\n');
  await pg.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(pg).toHaveAttribute('data-share-url', /#code=/);
  const url = await pg.getAttribute('data-share-url');
  const fresh = await context.newPage();
  await fresh.goto(url!);
  const restored = fresh.locator('lockstep-playground').first();
  await expect(restored.locator('.view-lines')).toContainText('shared-marker-42', { timeout: 30_000 });
  await expect(restored.locator('.pg-note')).toContainText('shared link');
  // The picker names no example whose code is not shown; picking one takes that option away.
  const picker = restored.getByRole('combobox', { name: 'Choose an example' });
  await expect(picker.locator('option:checked')).toHaveText('Code from a shared link');
  await picker.selectOption({ index: 1 });
  await expect(picker.locator('option', { hasText: 'Code from a shared link' })).toHaveCount(0);
});

test('简体中文 on a 390 px phone: the example picker stays inside the playground, its word on one line', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/zh-cn/playground/');
  const pg = page.locator('lockstep-playground').first();
  const word = pg.locator('.pg-picker-text');
  await expect(word).toHaveText('示例');
  const select = pg.getByRole('combobox', { name: '选择一个示例' });
  const [box, wordBox, selectBox] = await Promise.all([
    pg.boundingBox(),
    word.boundingBox(),
    select.boundingBox(),
  ]);
  const lineHeight = await word.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect(wordBox!.height).toBeLessThan(lineHeight * 1.5);
  expect(selectBox!.x + selectBox!.width).toBeLessThanOrEqual(box!.x + box!.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a whole run with the keyboard only', async ({ page }) => {
  await page.goto(LOST_UPDATE);
  const pg = page
    .locator('lockstep-playground')
    .filter({ has: page.locator('.pg-title', { hasText: LOST_UPDATE_TITLE }) })
    .first();
  // Tab from the page into the playground's code region, into the editor, then run with Ctrl+Enter.
  await pg.locator('.pg-code').focus();
  await expect(pg.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => editorHasFocus(page)).toBe(true);
  await page.keyboard.press('Control+Enter');
  await expect(pg.locator('.pg-status')).toContainText('Data race', { timeout: 60_000 });
  // Ctrl+M releases Tab from the editor; Tab then reaches the toolbar.
  await page.keyboard.press('Control+m');
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('class', /pg-button/);
  // The first frame button of the race panel is reachable and jumps to the line.
  const frame = pg.locator('.pg-frame').first();
  await frame.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => editorHasFocus(page)).toBe(true);
});

test.describe('runner down', () => {
  let server: Server;
  let base = '';
  test.beforeAll(async () => {
    // The built site without the runner behind it (a plain static server).
    server = createServer(async (req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
        /^(\.\.[/\\])+/,
        '',
      );
      const file = join('dist', path.endsWith('/') ? `${path}index.html` : path);
      const types: Record<string, string> = {
        '.html': 'text/html',
        '.js': 'text/javascript',
        '.css': 'text/css',
        '.svg': 'image/svg+xml',
        '.json': 'application/json',
        '.ttf': 'font/ttf',
        '.woff2': 'font/woff2',
      };
      try {
        const body = await readFile(file);
        res.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream');
        res.end(body);
      } catch {
        res.statusCode = 404;
        res.end('not found');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test('Run explains that the runner is down and how to start it; the editor still works', async ({
    page,
  }) => {
    await page.goto(`${base}${LOST_UPDATE}`);
    const pg = page.locator('lockstep-playground').first();
    await pg.scrollIntoViewIfNeeded();
    await expect(pg.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    await typeInEditor(page, pg, '\n// still editable\n');
    await expect(pg.locator('.view-lines')).toContainText('still editable');
    await pg.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(pg.locator('.pg-status')).toContainText('npm start', { timeout: 15_000 });
  });
});

test('axe: the full-page playground has no serious or critical violations', async ({ page }) => {
  await page.goto('/playground/');
  await expect(page.locator('lockstep-playground .monaco-editor')).toBeVisible({ timeout: 30_000 });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  );
});

test('zh-cn: the playground speaks Chinese', async ({ page }) => {
  await page.goto('/zh-cn/playground/');
  const pg = page.locator('lockstep-playground').first();
  await expect(pg.getByRole('button', { name: '运行', exact: true })).toBeVisible();
  await expect(pg.getByRole('combobox', { name: '选择一个示例' })).toBeVisible();
});

test('zh-cn: a cgo program is refused with its import "C" line marked and the refusal in Chinese', async ({
  page,
}) => {
  const source =
    'package main\n\n/*\n#include <stdlib.h>\n*/\nimport "C"\n\nimport "fmt"\n\nfunc main() { fmt.Println(C.rand()) }\n';
  await page.goto(`/zh-cn/playground/#${await encodeShare({ 'main.go': source })}`);
  const pg = page.locator('lockstep-playground').first();
  await expect(pg.locator('.view-lines')).toContainText('C.rand()', { timeout: 30_000 });
  await pg.getByRole('button', { name: '运行', exact: true }).click();
  await expect(pg.locator('.pg-status')).toContainText('编译失败', { timeout: 60_000 });
  await expect(pg.locator('.pg-explain')).toContainText('本练习场不运行 cgo');
  // The error marker sits on the line of import "C" (line 6), like a compiler error's.
  const marker = pg.locator('.squiggly-error').first();
  await expect(marker).toBeVisible();
  const line = pg.locator('.view-line', { hasText: 'import "C"' });
  const [markerBox, lineBox] = await Promise.all([marker.boundingBox(), line.boundingBox()]);
  expect(Math.abs(markerBox!.y - lineBox!.y)).toBeLessThan(lineBox!.height);
});

test('zh-cn: Run on a package that is not main says "not run" in Chinese and marks the package name', async ({
  page,
}) => {
  const source = '// Package counter counts.\npackage counter\n\nfunc Inc(n *int) { *n++ }\n';
  await page.goto(`/zh-cn/playground/#${await encodeShare({ 'counter.go': source })}`);
  const pg = page.locator('lockstep-playground').first();
  await expect(pg.locator('.view-lines')).toContainText('package counter', { timeout: 30_000 });
  await pg.getByRole('button', { name: '运行', exact: true }).click();
  // The verdict and its explanation in Chinese, with Chinese punctuation; nothing of the sandbox's.
  await expect(pg.locator('.pg-explain')).toContainText('未运行：没有可运行的程序', { timeout: 60_000 });
  await expect(pg.locator('.pg-explain')).toContainText('请点击“测试”');
  await expect(pg.locator('.pg-explain')).not.toContainText('.');
  await expect(pg.locator('.xterm-rows')).not.toContainText('bwrap');
  await expect(pg.locator('.squiggly-error').first()).toBeVisible();
});

// The real runner only sends messages of the contract, so this one case stands a fake runner on the
// WebSocket: it answers a Run with a phase, then a result that lacks most of a RunResult.
for (const [path, button, text] of [
  ['/playground/', 'Run', 'The run was stopped: the runner sent a message this page cannot read.'],
  ['/zh-cn/playground/', '运行', '运行已停止：运行器发来了本页面无法读取的消息。'],
] as const) {
  test(`${path}: a stream message off the contract ends the run with a clear error`, async ({ page }) => {
    let closedByPage = false;
    await page.routeWebSocket(/\/api\/run\/stream/, (ws) => {
      ws.onMessage(() => {
        ws.send(JSON.stringify({ type: 'phase', phase: 'building' }));
        ws.send(JSON.stringify({ type: 'result', result: { status: 'ok' } }));
      });
      ws.onClose(() => (closedByPage = true));
    });
    await page.goto(path);
    const pg = page.locator('lockstep-playground').first();
    await expect(pg.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    await pg.getByRole('button', { name: button, exact: true }).click();
    await expect(pg.locator('.pg-status')).toContainText(text);
    await expect(pg.locator('.pg-log')).toContainText(text);
    await expect(pg.getByRole('button', { name: button, exact: true })).toBeEnabled();
    await expect.poll(() => closedByPage).toBe(true);
  });
}

test('Format words an answer off the contract instead of trusting it', async ({ page }) => {
  // The real runner answers with a RunResult; this one lacks most of it.
  await page.route('**/api/run', (route) => route.fulfill({ json: { status: 'ok', files: {} } }));
  await page.goto('/playground/');
  const pg = page.locator('lockstep-playground').first();
  await expect(pg.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await pg.getByRole('button', { name: 'Format', exact: true }).click();
  await expect(pg.locator('.pg-note')).toContainText(
    'The run failed: The server answered something this page does not understand.',
  );
});
