/**
 * Shared by the timeline specs: the mutex program of the converter's golden timeline, a lesson
 * playground loaded with it, keyboard travel to a span, the editor line the timeline marked, and axe.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** Main holds a mutex while three workers arrive: each waits in mu.Lock() at main.go:26. */
export const MUTEX_PROGRAM = readFileSync(
  new URL('../../playground/trace-timeline/testdata/programs/mutex/main.go', import.meta.url),
  'utf8',
);

export const LESSON = {
  en: '/locks/internals-and-memory-model/',
  'zh-cn': '/zh-cn/locks/internals-and-memory-model/',
};

/** A program of the converter's testdata (the one each golden timeline was captured from). */
export const program = (name: string): string =>
  readFileSync(
    new URL(`../../playground/trace-timeline/testdata/programs/${name}/main.go`, import.meta.url),
    'utf8',
  );

/** Opens the lesson's first playground and puts the mutex program in its editor. */
export async function lessonWithMutexProgram(page: Page, path: string): Promise<Locator> {
  return lessonWithProgram(page, path, MUTEX_PROGRAM);
}

/** Opens the lesson's first playground and puts source in its editor as main.go. */
export async function lessonWithProgram(page: Page, path: string, source: string): Promise<Locator> {
  await page.goto(path);
  const pg = page.locator('lockstep-playground').first();
  await pg.scrollIntoViewIfNeeded();
  await expect(pg.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await pg.evaluate(
    (el, src) =>
      (el as unknown as { replaceFiles(f: Record<string, string>): Promise<void> }).replaceFiles({
        'main.go': src,
      }),
    source,
  );
  return pg;
}

/**
 * Walks the lanes with the keyboard only (↓ between lanes, Home and → along one) until the focused
 * span's accessible name matches; returns that name.
 */
export async function focusSpanByKeyboard(page: Page, pg: Locator, name: RegExp): Promise<string> {
  const first = pg.locator('.tl-span[tabindex="0"]');
  await first.focus();
  const lanes = await pg.locator('.tl-lane').count();
  for (let lane = 0; lane < lanes; lane++) {
    await page.keyboard.press('Home');
    for (let i = 0; i < 40; i++) {
      const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      if (name.test(label)) return label;
      const before = label;
      await page.keyboard.press('ArrowRight');
      const after = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      if (after === before) break;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no span named ${name}`);
}

/** The line number beside the editor's timeline mark (Monaco draws the mark and the number at one height). */
export async function markedLine(pg: Locator): Promise<number> {
  const mark = pg.locator('.view-overlays .pg-line-timeline').first();
  await expect(mark).toBeVisible();
  const top = (await mark.boundingBox())!.y;
  const numbers = pg.locator('.margin-view-overlays .line-numbers');
  for (const n of await numbers.all()) {
    const box = await n.boundingBox();
    if (box && Math.abs(box.y - top) < 3) return Number((await n.textContent())?.trim());
  }
  throw new Error('no line number beside the mark');
}

/** Serious or critical WCAG 2.1 A/AA findings inside the playground. */
export async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('lockstep-playground')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
