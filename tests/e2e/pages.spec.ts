/**
 * Every page the build wrote, in both locales, visited the way a newcomer meets it:
 *  - on a 390 px wide phone, no page scrolls sideways (documentElement.scrollWidth ≤ 390);
 *  - in a fresh browser at desktop width, no page logs a console error, throws, or has a
 *    same-origin request fail or answer ≥ 400 (the favicon included);
 *  - every playground holds its own highlighted code, so an example is shown once, not once in
 *    the editor and again below it.
 * The list comes from dist/, so a new page is checked without touching this file.
 */
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const DIST = 'dist';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** A page to visit: its URL and the HTTP status its document must have. */
interface Visit {
  path: string;
  status: number;
}

/** The URL of every HTML file in dist/; 404.html is reached the way it is met, by a missing URL in each locale. */
function builtPages(): Visit[] {
  const visits: Visit[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === 'index.html') {
        const folder = relative(DIST, dir).split(sep).join('/');
        visits.push({ path: folder ? `/${folder}/` : '/', status: 200 });
      } else if (entry.name === '404.html' && dir === DIST) {
        visits.push({ path: '/no-such-page/', status: 404 }, { path: '/zh-cn/no-such-page/', status: 404 });
      }
    }
  };
  walk(DIST);
  return visits.sort((a, b) => a.path.localeCompare(b.path));
}

const PAGES = builtPages();
const GROUPS = {
  en: PAGES.filter((v) => !v.path.startsWith('/zh-cn/')),
  'zh-cn': PAGES.filter((v) => v.path.startsWith('/zh-cn/')),
};

test('the build has pages in both locales', () => {
  // Guards the derivation above: an empty dist/ would make every test below pass vacuously.
  expect(GROUPS.en.length).toBeGreaterThan(10);
  expect(GROUPS['zh-cn'].length).toBe(GROUPS.en.length);
});

test('every playground holds its highlighted code: an example is shown once', async ({ page }) => {
  const empty: string[] = [];
  let playgrounds = 0;
  for (const visit of PAGES.filter((v) => v.status === 200)) {
    const html = readFileSync(join(DIST, visit.path, 'index.html'), 'utf8');
    for (const match of html.matchAll(/<lockstep-playground\b[^>]*>\s*(<\/lockstep-playground>)?/g)) {
      playgrounds++;
      if (match[1]) empty.push(visit.path);
    }
  }
  expect(playgrounds).toBeGreaterThan(100);
  expect(empty, 'pages with a playground whose code sits outside it').toEqual([]);
  // And in the browser, once the editor is up, no copy of the code follows a playground.
  await open(page, { path: '/locks/production-lockup/', status: 200 }, false);
  await page.locator('lockstep-playground').first().locator('.pg-toolbar').waitFor();
  await expect(page.locator('lockstep-playground + .expressive-code')).toHaveCount(0);
});

/** Records what a fresh visitor's browser would complain about on this page. */
function watchProblems(page: Page, origin: string, visit: Visit): string[] {
  const problems: string[] = [];
  const at = () => visit.path;
  page.on('console', (msg) => {
    if (msg.type() === 'error')
      problems.push(`${at()}: console error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`${at()}: uncaught: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`${at()}: request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`),
  );
  page.on('response', (response) => {
    const url = response.url();
    if (!url.startsWith(origin) || response.status() < 400) return;
    // The document of the missing page is meant to be a 404; nothing else may be.
    const isDocument =
      response.request().isNavigationRequest() && response.request().frame() === page.mainFrame();
    if (isDocument && response.status() === visit.status) return;
    problems.push(`${at()}: ${response.status()} for ${url}`);
  });
  return problems;
}

/**
 * Opens a page and waits until its islands have rendered: every lockstep-* element defined (each
 * draws itself when defined) and the fonts laid out. `settle` also waits for the network to go
 * quiet, so that late requests (an editor mounting as it scrolls into view, a fetch an island
 * makes) are seen too.
 */
async function open(page: Page, visit: Visit, settle: boolean): Promise<void> {
  const response = await page.goto(visit.path);
  expect(response?.status(), visit.path).toBe(visit.status);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('*')]
      .filter((e) => e.localName.startsWith('lockstep-'))
      .every((e) => customElements.get(e.localName) !== undefined),
  );
  if (settle) await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
}

/** What sticks out past the right edge (the innermost elements, content before chrome), to say where to look. */
async function overflowing(page: Page, width: number): Promise<string[]> {
  return page.evaluate((w) => {
    const out: string[] = [];
    const roots = [document.querySelector('main'), document.body].filter((r) => r !== null);
    for (const root of roots) {
      for (const e of root.querySelectorAll('*')) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.right <= w + 0.5) continue;
        if ([...e.children].some((c) => c.getBoundingClientRect().right > w + 0.5)) continue;
        const id = e.id ? `#${e.id}` : '';
        const cls =
          typeof e.className === 'string' && e.className
            ? `.${e.className.trim().split(/\s+/).join('.')}`
            : '';
        const name = `${e.localName}${id}${cls} right=${Math.round(r.right)}`;
        if (!out.includes(name)) out.push(name);
        if (out.length >= 6) return out;
      }
    }
    return out;
  }, width);
}

for (const [locale, visits] of Object.entries(GROUPS)) {
  test(`no page scrolls sideways on a 390 px phone (${locale})`, async ({ browser }) => {
    test.setTimeout(visits.length * 15_000);
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const visit of visits) {
      await open(page, visit, false);
      // Every page lets a phone visitor switch language: in the header, or in the menu.
      const picker = page.locator('starlight-lang-select select:visible, button.sl-menu-button:visible');
      await expect(picker.first(), `${visit.path}: language picker or menu`).toBeVisible();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > PHONE.width)
        wide.push(
          `${visit.path}: scrollWidth ${scrollWidth}: ${(await overflowing(page, PHONE.width)).join(', ')}`,
        );
    }
    await context.close();
    expect(wide).toEqual([]);
  });

  test(`no console error or failed request in a fresh browser (${locale})`, async ({ browser, baseURL }) => {
    test.setTimeout(visits.length * 15_000);
    const problems: string[] = [];
    for (const visit of visits) {
      // A fresh context per page: nothing cached, no storage, as a first visit is.
      const context: BrowserContext = await browser.newContext({ viewport: DESKTOP });
      const page = await context.newPage();
      problems.push(...watchProblems(page, baseURL!, visit));
      await open(page, visit, true);
      // Browsers ask for the declared icons (and /favicon.ico where none is declared) on their own;
      // headless Chromium may not, so ask for them here.
      const icons = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')].map((l) => l.href),
      );
      expect(icons.length, `${visit.path}: declares an icon`).toBeGreaterThan(0);
      for (const href of icons) {
        const res = await page.request.get(href);
        if (!res.ok()) problems.push(`${visit.path}: icon ${href}: ${res.status()}`);
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });
}
