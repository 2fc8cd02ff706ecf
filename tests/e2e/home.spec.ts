/**
 * The home page in Chromium, in both locales: no empty "continue" box for a new visitor and the
 * right chapter once there is progress; no element with the `hidden` attribute drawn anywhere; the
 * hero's race demo drawn from the capture of a real run, opening in the playground where the real
 * runner reports the same race; no sideways scrolling at 390 px; keyboard use; axe.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { DemoCapture } from '../../components/home/demo-capture.ts';

const LOCALES = [
  { locale: 'en', prefix: '', continueText: 'Continue where you left off', verdict: 'Data race' },
  { locale: 'zh-cn', prefix: '/zh-cn', continueText: '从上次离开的地方继续', verdict: '数据竞争' },
] as const;

const CHAPTER = '/maps/sync-map/';
const TITLES = { en: 'sync.Map: how it works and when to use it', 'zh-cn': 'sync.Map：原理与适用场景' };

const capture = JSON.parse(readFileSync('content/home/race-demo/capture.json', 'utf8')) as DemoCapture;
/** The lines of main.go the captured report names: the current access, then the earlier one. */
const RACE_LINES = capture.races[0]!.accesses.map((a) => a.stack.find((f) => f.file === 'main.go')!.line);

/** Elements that carry the `hidden` attribute but are drawn anyway (a class setting `display`). */
async function drawnWhileHidden(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[hidden]')]
      .filter((e) => getComputedStyle(e).display !== 'none')
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}">`),
  );
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

for (const { locale, prefix, continueText } of LOCALES) {
  test(`a new visitor sees no empty "continue" box (${locale})`, async ({ page }) => {
    await page.goto(`${prefix}/`);
    const card = page.locator('lockstep-continue');
    await expect(card).toHaveAttribute('hidden');
    await expect(card).toBeHidden();
    expect(await card.boundingBox()).toBeNull();
    await expect(page.getByText(continueText)).toHaveCount(0);
    expect(await drawnWhileHidden(page)).toEqual([]);
  });
}

test('after reading a chapter, the home page offers it, named in the page’s language', async ({ page }) => {
  // The real flow: open a chapter (the page tracker records it), then come back home.
  await page.goto(CHAPTER);
  await expect(page.locator('h1')).toHaveText(TITLES.en);
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('lockstep:progress:v1')))
    .toContain(CHAPTER);

  await page.goto('/');
  const card = page.locator('lockstep-continue');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Continue where you left off');
  await expect(card.getByRole('link', { name: TITLES.en })).toHaveAttribute('href', CHAPTER);
  await expect(card.getByRole('link', { name: 'Your progress' })).toHaveAttribute('href', '/progress/');

  // Read in English, continued from the Chinese home page: the Chinese chapter, by its Chinese title.
  await page.goto('/zh-cn/');
  const zh = page.locator('lockstep-continue');
  await expect(zh).toContainText('从上次离开的地方继续');
  await expect(zh.getByRole('link', { name: TITLES['zh-cn'] })).toHaveAttribute('href', `/zh-cn${CHAPTER}`);
  await zh.getByRole('link', { name: TITLES['zh-cn'] }).click();
  await expect(page).toHaveURL(new RegExp(`/zh-cn${CHAPTER}$`));
});

test('progress stored in the progress module’s format shows the chapter and the counts (dark theme)', async ({
  page,
}) => {
  const at = new Date().toISOString();
  await page.addInitScript(
    (doc) => {
      localStorage.setItem('lockstep:progress:v1', doc);
      localStorage.setItem('starlight-theme', 'dark');
    },
    JSON.stringify({
      version: 1,
      exercises: {},
      chapters: { '/locks/production-lockup/': { readAt: at } },
      quizzes: {},
      visual: {},
      last: { path: '/zh-cn/locks/misuse-and-diagnosis/', title: '锁的误用与诊断', at },
    }),
  );
  await page.goto('/zh-cn/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const card = page.locator('lockstep-continue');
  await expect(card).toBeVisible();
  await expect(card.locator('a').first()).toHaveAttribute('href', '/zh-cn/locks/misuse-and-diagnosis/');
  await expect(card).toContainText(/已读 1\/\d+ 章/);
  expect(await axeViolations(page)).toEqual([]);
});

test('the progress page counts levels won and the stars won at par', async ({ page }) => {
  const at = new Date().toISOString();
  await page.addInitScript(
    (doc) => localStorage.setItem('lockstep:progress:v1', doc),
    JSON.stringify({
      version: 1,
      exercises: {},
      chapters: {},
      quizzes: {},
      visual: {
        'counter-lost-update': { won: true, at, moves: 24, star: true },
        'counter-lose-two': { won: true, at, moves: 20, star: false },
      },
      last: null,
    }),
  );
  await page.goto('/progress/');
  const row = page.locator('tr[data-chapter="/locks/internals-and-memory-model/"]');
  await expect(row).toContainText(/2 of \d+ · ★ 1 at par/);
  await page.goto('/zh-cn/progress/');
  await expect(page.locator('tr[data-chapter="/locks/internals-and-memory-model/"]')).toContainText(
    /2\/\d+ · ★ 1 个达到标准步数/,
  );
});

test('no element with the hidden attribute is drawn on pages with islands', async ({ page }) => {
  for (const path of [
    '/locks/internals-and-memory-model/',
    '/maps/race-detector/',
    '/progress/',
    '/playground/',
    '/labs/',
    '/labs/student/',
    '/labs/gradebook/',
    '/zh-cn/locks/misuse-and-diagnosis/',
  ]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await drawnWhileHidden(page), path).toEqual([]);
  }
  // And a class that sets display cannot win over the attribute (the site-wide rule).
  const drawn = await page.evaluate(() => {
    const probe = document.createElement('lockstep-continue');
    probe.className = 'pr-continue';
    probe.hidden = true;
    const row = document.createElement('div');
    row.className = 'exercise';
    const actions = document.createElement('div');
    actions.className = 'ex-actions';
    actions.hidden = true;
    row.append(actions);
    document.body.append(probe, row);
    return [getComputedStyle(probe).display, getComputedStyle(actions).display];
  });
  expect(drawn).toEqual(['none', 'none']);
});

for (const { locale, prefix, verdict } of LOCALES) {
  test(`the hero shows the captured race on the code (${locale})`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    await page.goto(`${prefix}/`);
    const demo = page.locator('.hero').locator('..').locator('figure.ls-demo');
    await expect(demo).toBeVisible();
    await expect(demo).toHaveAttribute('aria-label', /.+/);
    const [current, previous] = RACE_LINES;
    const currentLine = demo.locator(`[data-line="${current}"]`);
    const previousLine = demo.locator(`[data-line="${previous}"]`);
    await expect(currentLine).toHaveClass(/ls-line-race-current/);
    await expect(previousLine).toHaveClass(/ls-line-race-previous/);
    await expect(currentLine.locator('.ls-tag-race-current')).toContainText(
      String(capture.races[0]!.accesses[0]!.goroutine),
    );
    await expect(demo.locator('.ls-line-race-current, .ls-line-race-previous')).toHaveCount(2);
    await expect(demo.locator('.ls-demo-verdict')).toContainText(verdict);
    await expect(demo.locator('.ls-demo-verdict code')).toHaveText(capture.stdout.trim());
    await expect(demo).toContainText(capture.go);

    // The report is the runner's own text, behind a disclosure the keyboard opens.
    const report = demo.locator('details.ls-demo-report');
    await expect(report.locator('pre')).toBeHidden();
    await report.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(report.locator('pre')).toBeVisible();
    await expect(report.locator('pre')).toContainText('WARNING: DATA RACE');
    await expect(report.locator('pre')).toContainText(`main.go:${current}`);
    await page.keyboard.press('Tab');
    await expect(demo.locator('a.ls-demo-run')).toBeFocused();
    await expect(demo.locator('a.ls-demo-run')).toHaveAttribute(
      'href',
      new RegExp(`^${prefix}/playground/#code=`),
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test(`the home page fits a 390 px phone (${locale})`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${prefix}/`);
    const demo = page.locator('figure.ls-demo');
    await demo.locator('details summary').click();
    await expect(demo.locator('details pre')).toBeVisible();
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const box = await demo.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    // Every tag stays inside the card, wrapping under its line when it does not fit beside it.
    for (const tag of await demo.locator('.ls-tag').all()) {
      const t = (await tag.boundingBox())!;
      expect(t.x + t.width).toBeLessThanOrEqual(box!.x + box!.width);
    }
  });
}

test('"Run it yourself" opens the program in the playground, where the real runner finds the same race', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Run it yourself' }).click();
  await expect(page).toHaveURL(/\/playground\/#code=/);
  const pg = page.locator('lockstep-playground').first();
  await expect(pg.locator('.view-lines')).toContainText('hits++', { timeout: 30_000 });
  await pg.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(pg.locator('.pg-status')).toContainText('Data race', { timeout: 60_000 });
  await expect(pg.locator('.pg-log')).toContainText(capture.stdout.trim());
  const panel = pg.locator('.pg-race').first();
  for (const line of RACE_LINES)
    await expect(
      panel.getByRole('button', { name: new RegExp(`main\\.go:${line}\\b`) }).first(),
    ).toBeVisible();
});
