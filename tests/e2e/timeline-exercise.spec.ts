/**
 * The exercise that only the timeline answers (timeline-find-the-holder), against the real runner:
 * its Timeline traces the visible test, both handlers get a lane, the long waits are woken by the
 * s.mu.Unlock() of Trim (the line is read from the starter, not written here), a selected wait
 * says itself without a false "held from", and the panel is axe-clean, in both locales.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { axeFindings, focusSpanByKeyboard } from './timeline-helpers.ts';

test.describe.configure({ mode: 'serial' });

const STARTER = readFileSync(
  new URL('../../content/exercises/timeline-find-the-holder/starter/stats.go', import.meta.url),
  'utf8',
).split('\n');

/** The Stats method a 1-based line of the starter is in ('' outside any). */
function methodAt(line: number): string {
  for (let i = line - 1; i >= 0; i--) {
    const m = /^func \(s \*Stats\) (\w+)\(/.exec(STARTER[i]!);
    if (m) return m[1]!;
    if (STARTER[i] === '}' && i < line - 1) return '';
  }
  return '';
}

/** The 1-based line of the s.mu.Unlock() inside func (s *Stats) <method>. */
function unlockLine(method: string): number {
  const start = STARTER.findIndex((l) => l.startsWith(`func (s *Stats) ${method}(`));
  const end = STARTER.findIndex((l, i) => i > start && l === '}');
  const at = STARTER.findIndex((l, i) => i > start && i < end && l.trim() === 's.mu.Unlock()');
  if (start < 0 || at < 0) throw new Error(`no s.mu.Unlock() in ${method}`);
  return at + 1;
}
const TRIM = unlockLine('Trim');

const CASES = [
  {
    locale: 'en' as const,
    path: '/locks/production-lockup/',
    button: 'Timeline',
    span: /waiting: s\.mu\.Lock\(\)/,
    edge: new RegExp(`^G\\d+’s s\\.mu\\.Unlock\\(\\) at stats\\.go:${TRIM} woke G\\d+$`),
    sentence:
      /^G\d+ waited .+ on s\.mu\.Lock\(\) at stats\.go:\d+; (G\d+’s s\.mu\.Unlock\(\) at stats\.go:\d+ woke it|G\d+ held it from stats\.go:\d+ to stats\.go:\d+)\.$/,
    held: /held it from stats\.go:(\d+) to stats\.go:(\d+)/,
  },
  {
    locale: 'zh-cn' as const,
    path: '/zh-cn/locks/production-lockup/',
    button: '时间线',
    span: /等待中：s\.mu\.Lock\(\)/,
    edge: new RegExp(`^G\\d+ 在 stats\\.go:${TRIM} 的 s\\.mu\\.Unlock\\(\\) 唤醒了 G\\d+$`),
    sentence:
      /^G\d+ 在 stats\.go:\d+ 的 s\.mu\.Lock\(\) 上等待了 .+；(G\d+ 在 stats\.go:\d+ 的 s\.mu\.Unlock\(\) 唤醒了它|G\d+ 从 stats\.go:\d+ 到 stats\.go:\d+ 持有它)。$/,
    held: /从 stats\.go:(\d+) 到 stats\.go:(\d+) 持有它/,
  },
];

for (const c of CASES) {
  test(`${c.locale}: Timeline on the find-the-holder exercise shows the waits Trim's Unlock ended`, async ({
    page,
  }) => {
    // A cold -race test build plus the trace's conversion can take a while on a shared machine.
    test.setTimeout(180_000);
    await page.goto(c.path);
    const ex = page
      .locator('lockstep-exercise')
      .filter({ has: page.locator('#exercise-timeline-find-the-holder') });
    const pg = ex.locator('lockstep-playground');
    await pg.scrollIntoViewIfNeeded();
    await expect(pg.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    await pg.getByRole('button', { name: c.button, exact: true }).click();
    const timeline = pg.locator('section.tl');
    const status = pg.locator('.pg-timeline-status');
    await expect(timeline.or(status.filter({ hasText: /No timeline|没有时间线/ }))).toBeVisible({
      timeout: 150_000,
    });
    await expect(status, 'the runner answered without a timeline').toBeHidden();
    // The two request handlers busyDay starts.
    await expect(pg.locator('.tl-lane').filter({ hasText: 'stats.busyDay.func1' })).toHaveCount(2);
    // Some wait was ended by Trim's Unlock: the fact the exercise asks the learner to read.
    const edges = await pg.locator('svg line.tl-edge title').allTextContents();
    expect(edges.filter((e) => c.edge.test(e)).length, edges.join('\n')).toBeGreaterThan(0);
    // A selected wait says itself; when it names a holder, its lines are in one method.
    await focusSpanByKeyboard(page, pg, c.span);
    await page.keyboard.press('Enter');
    const say = pg.locator('.tl-say');
    await expect(say).toHaveText(c.sentence);
    const held = c.held.exec((await say.textContent()) ?? '');
    if (held) expect(methodAt(Number(held[1])), held[0]).toBe(methodAt(Number(held[2])));
    expect(await axeFindings(page)).toEqual([]);
  });
}
