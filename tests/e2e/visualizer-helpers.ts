/**
 * What the visualizer specs share: opening a page at one scenario's visualizer with the keyboard's
 * focus on its stage, and reading the progress this browser stored.
 */
import { expect, type Page } from '@playwright/test';

/** Opens `path`, scrolls the visualizer of scenario `id` into view and focuses its stage. */
export async function openVisualizer(page: Page, id: string, path: string) {
  await page.goto(path);
  const viz = page.locator(`#viz-${id}`);
  await viz.scrollIntoViewIfNeeded();
  const stage = viz.locator('.viz-stage');
  await expect(stage).toBeVisible();
  await stage.focus();
  return { viz, stage, narration: viz.locator('.viz-narration'), position: viz.locator('.viz-position') };
}

/** The course progress this browser stored (levels won, hints used…). */
export const progressOf = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('lockstep:progress:v1') ?? '{}'));
