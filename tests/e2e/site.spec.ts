import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';

const PART_ONE = { en: 'Part I — Locks in Go', zh: '第一部分 — Go 中的锁' };
const PART_TWO = { en: 'Part II — Maps and the race detector', zh: '第二部分 — map 与竞态检测器' };

test('home page says what Lockstep is and how to start', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Lockstep/);
  await expect(page.getByRole('heading', { name: 'What Lockstep is' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Who it is for' })).toBeVisible();
  await page.getByRole('link', { name: 'Start Part I — Locks in Go' }).click();
  await expect(page).toHaveURL(/\/locks\/production-lockup\/$/);
});

for (const [locale, prefix] of [
  ['en', ''],
  ['zh', '/zh-cn'],
] as const) {
  test(`sidebar lists both parts with five chapters each (${locale})`, async ({ page }) => {
    await page.goto(`${prefix}/locks/production-lockup/`);
    const sidebar = page.locator('nav[aria-label] #starlight__sidebar, #starlight__sidebar').first();
    await expect(sidebar.getByText(PART_ONE[locale], { exact: true })).toBeVisible();
    await expect(sidebar.getByText(PART_TWO[locale], { exact: true })).toBeVisible();
    await expect(sidebar.locator(`a[href^="${prefix}/locks/"]`)).toHaveCount(5);
    await expect(sidebar.locator(`a[href^="${prefix}/maps/"]`)).toHaveCount(5);
  });
}

test('switching language keeps you on the same chapter', async ({ page }) => {
  await page.goto('/maps/sync-map/');
  const picker = page.locator('starlight-lang-select select').first();
  await picker.selectOption({ label: '简体中文' });
  await expect(page).toHaveURL(/\/zh-cn\/maps\/sync-map\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
  await expect(page).toHaveURL(/\/maps\/sync-map\/$/);
});

test('search finds a chapter by a word from its body', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('button', { name: /search/i })
    .first()
    .click();
  const box = page
    .getByRole('searchbox')
    .or(page.getByPlaceholder(/search/i))
    .first();
  await box.fill('starvation');
  const result = page.locator('.pagefind-ui__result-link').first();
  await expect(result).toBeVisible();
  await expect(page.locator('.pagefind-ui__result-link[href*="/locks/"]').first()).toBeVisible();
});

test('a Mermaid diagram is drawn, named, and follows the theme', async ({ page }) => {
  await page.goto('/locks/internals-and-memory-model/');
  const figure = page.locator('figure.diagram').first();
  await figure.scrollIntoViewIfNeeded();
  const visible = figure.locator('img:visible');
  await expect(visible).toHaveCount(1);
  await expect(visible).toHaveAttribute('alt', /.+/);
  const loaded = await visible.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
  expect(loaded).toBe(true);
  const lightSrc = await visible.getAttribute('src');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  const darkSrc = await figure.locator('img:visible').getAttribute('src');
  expect(darkSrc).not.toBe(lightSrc);
});

test('dark mode toggles and is remembered', async ({ page }) => {
  await page.goto('/');
  const select = page.locator('starlight-theme-select select').first();
  await select.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.locator('starlight-theme-select select').first().selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

// Every page of the course in both locales: chapters, glossary, playground, progress and labs.
const PAGES = [
  '/',
  ...['locks', 'maps'].flatMap((part) =>
    readdirSync(`content/docs/${part}`).map((f) => `/${part}/${f.replace(/\.mdx$/, '')}/`),
  ),
  '/glossary/',
  '/labs/',
];
for (const path of [...PAGES, ...PAGES.map((p) => `/zh-cn${p}`)]) {
  test(`axe finds no serious or critical violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}
