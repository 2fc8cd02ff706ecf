/**
 * Page-weight benchmark (a script, not a test): the JavaScript the home pages and chapter pages
 * with editors load before any interaction (gzip size of each script, and bytes actually
 * transferred), everything those pages transfer (HTML, CSS, fonts, images, scripts), and the time
 * from first focus on an editor to a typeable Monaco editor, and the timeline view's render time for
 * 100, 1,000, 3,000 and 5,000 events (scripts/bench-timeline-view.ts). Prints Markdown for docs/performance.md.
 * Usage: npm run build && npm run bench:page [-- --timeline-only]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright';
import { chromiumLaunchOptions } from './chromium.ts';
import { measureTimelineView, timelineViewTable } from './bench-timeline-view.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4393);
const BASE = `http://127.0.0.1:${PORT}`;
const PAGES = ['/', '/zh-cn/', '/locks/internals-and-memory-model/', '/maps/rwmutex-maps/', '/playground/'];
/** The page whose first editor is focused for the Monaco timing. */
const EDITOR_PAGE = '/locks/internals-and-memory-model/';
const RUNS = 5;
/** Renders of the timeline view per size (after one unrecorded). */
const TIMELINE_REPEATS = 20;
/** Only the timeline rows: the other figures need a quiet machine and minutes. */
const TIMELINE_ONLY = process.argv.includes('--timeline-only');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Starts the built server on PORT with its own data directory and no warm-up. */
function startServer(dataDir: string): ChildProcess {
  return spawn(process.execPath, ['playground/src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      LOCKSTEP_DATA_DIR: dataDir,
      LOCKSTEP_NO_WARMUP: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Waits (up to 10 s) until the site answers. */
async function waitForSite(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (
      await fetch(BASE).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One Markdown row: the scripts path loads before any interaction, and everything it transfers. */
async function pageWeight(browser: Browser, path: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Map<string, { gzip: number; transferred: number }>();
  let everything = 0;
  // Each response is measured asynchronously (a 4 MB chunk takes a while on a busy machine):
  // keep the promises and wait for all of them, or a late body is silently left out.
  const measuring: Promise<void>[] = [];
  page.on('response', (res) => {
    measuring.push(
      (async () => {
        const type = res.request().resourceType();
        const body = type === 'script' ? await res.body().catch(() => null) : null;
        const sizes = await res
          .request()
          .sizes()
          .catch(() => null);
        everything += sizes?.responseBodySize ?? 0;
        if (body)
          scripts.set(res.url(), {
            gzip: gzipSync(body).length,
            transferred: sizes?.responseBodySize ?? body.length,
          });
      })(),
    );
  });
  // Load the page but keep every editor out of view: no scrolling, no focus.
  await page.setViewportSize({ width: 1280, height: 400 });
  await page.goto(`${BASE}${path}`, { waitUntil: 'networkidle' });
  await Promise.all(measuring);
  const before = [...scripts.values()];
  const gz = before.reduce((s, x) => s + x.gzip, 0);
  const tr = before.reduce((s, x) => s + x.transferred, 0);
  await context.close();
  return `| \`${path}\` | ${before.length} | ${(gz / 1024).toFixed(1)} | ${(tr / 1024).toFixed(1)} | ${(everything / 1024).toFixed(1)} |`;
}

/** Milliseconds from focusing EDITOR_PAGE's first editor to a typed character showing in Monaco. */
async function focusToTypeable(browser: Browser): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 400 });
  await page.goto(`${BASE}${EDITOR_PAGE}`, { waitUntil: 'networkidle' });
  const code = page.locator('lockstep-playground .pg-code').first();
  const t0 = Date.now();
  await code.focus();
  await page.waitForFunction(() => Boolean(document.activeElement?.closest('.monaco-editor')), null, {
    timeout: 30_000,
  });
  await page.keyboard.type('x');
  await page.waitForFunction(() =>
    document.querySelector('lockstep-playground .view-lines')?.textContent?.includes('x'),
  );
  const ms = Date.now() - t0;
  await context.close();
  return ms;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-page-'));
  const server = startServer(dataDir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    await waitForSite();
    const machine = `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}; Chromium via Playwright, loopback.`;
    const timeline = [
      `Timeline view, render call → frame drawn (${TIMELINE_REPEATS} renders per size after one unrecorded):`,
      '',
      ...timelineViewTable(await measureTimelineView(browser, BASE, { repeats: TIMELINE_REPEATS })),
    ];
    if (TIMELINE_ONLY) {
      console.log([machine, '', ...timeline].join('\n'));
      return;
    }
    const rows: string[] = [];
    for (const path of PAGES) rows.push(await pageWeight(browser, path));
    const focusTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) focusTimes.push(await focusToTypeable(browser));
    console.log(
      [
        `${machine} Cache empty per page.`,
        '',
        '| page | scripts before interaction | JS gzip KiB | JS transferred KiB (brotli) | everything transferred KiB |',
        '| --- | ---: | ---: | ---: | ---: |',
        ...rows,
        '',
        `First focus on an editor → typeable Monaco (median of ${RUNS}, cold browser cache): ${median(focusTimes)} ms (all: ${focusTimes.join(', ')} ms).`,
        '',
        ...timeline,
      ].join('\n'),
    );
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
