/**
 * The <lockstep-quiz> island on chapter pages: a wrong answer explained with "Try again", a right
 * answer announced and kept across a reload, predicted output typed in, an order question solved
 * with the keyboard only, the Chinese page, the no-JavaScript fallback, and axe in both themes.
 * QUIZ_E2E_PAGE and QUIZ_E2E_ORDER_PAGE override the pages (e.g. while chapters do not embed them).
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const PAGE = process.env.QUIZ_E2E_PAGE ?? '/locks/production-lockup/';
const ORDER_PAGE = process.env.QUIZ_E2E_ORDER_PAGE ?? '/locks/internals-and-memory-model/';
const ZH_PAGE = `/zh-cn${PAGE}`;

async function question(page: Page, id: string, path = PAGE) {
  if (!page.url().endsWith(path)) await page.goto(path);
  const q = page.locator(`#quiz-${id}`);
  await q.scrollIntoViewIfNeeded();
  await expect(q.locator('.quiz-actions')).toBeVisible(); // upgraded by the element
  return q;
}

const stored = (page: Page) =>
  page.evaluate(
    () => JSON.parse(localStorage.getItem('lockstep:progress:v1') ?? '{}') as { quizzes?: object },
  );

test('a wrong answer shows the explanation and Try again, which unlocks the question', async ({ page }) => {
  const q = await question(page, 'lockup-io-in-critical-section');
  await expect(q.locator('details')).toHaveCount(0); // the no-JS answer is gone once upgraded
  const group = q.getByRole('group');
  await expect(group).toContainText('Which change fixes the lock-up?');

  await q.getByRole('button', { name: 'Check' }).click();
  await expect(q.locator('.quiz-feedback')).toHaveText('Choose an answer first.');

  await q.getByRole('radio', { name: /Replace/ }).check();
  await q.getByRole('button', { name: 'Check' }).click();
  const feedback = q.getByRole('status');
  await expect(feedback).toHaveAttribute('aria-live', 'polite');
  await expect(feedback).toContainText('Not quite.');
  await expect(feedback).toContainText('A lock is held for as long as the slowest thing');
  const retry = q.getByRole('button', { name: 'Try again' });
  await expect(retry).toBeFocused();
  await expect(q.getByRole('radio', { name: /Call the pricing service/ })).toBeDisabled();
  await expect(q.locator('.quiz-badge')).toHaveText('Tried, not yet correct');
  expect((await stored(page)).quizzes).toMatchObject({ 'lockup-io-in-critical-section': { correct: false } });

  await retry.click();
  await expect(q.locator('.quiz-feedback')).toBeEmpty();
  await expect(retry).toBeHidden();
  await expect(q.getByRole('radio', { name: /Replace/ })).toBeFocused();
  await q.getByRole('radio', { name: /Call the pricing service/ }).check();
  await q.getByRole('button', { name: 'Check' }).click();
  await expect(feedback).toContainText('Correct.');
});

test('a right answer is announced, saved, and still marked after a reload', async ({ page }) => {
  const q = await question(page, 'lockup-double-lock');
  await expect(page.locator('.quiz-summary').first()).toHaveText(/^0 of \d+ answered correctly$/);
  await q.getByRole('checkbox', { name: /Built normally/ }).check();
  await q.getByRole('button', { name: 'Check' }).click();
  await expect(q.getByRole('status')).toContainText('Not quite.'); // one of two is not enough
  await q.getByRole('button', { name: 'Try again' }).click();
  await q.getByRole('checkbox', { name: /stack dump shows/ }).check();
  await q.getByRole('button', { name: 'Check' }).click();
  await expect(q.getByRole('status')).toContainText('Correct.');
  await expect(q.getByRole('button', { name: 'Try again' })).toBeHidden();
  await expect(q).toHaveAttribute('data-state', 'correct');

  const progress = (await stored(page)).quizzes as Record<string, { correct: boolean; answeredAt: string }>;
  expect(progress['lockup-double-lock']?.correct).toBe(true);

  await page.reload();
  const again = await question(page, 'lockup-double-lock');
  await expect(again).toHaveAttribute('data-state', 'correct');
  await expect(again.locator('.quiz-badge')).toHaveText('Answered correctly');
  await expect(page.locator('.quiz-summary').first()).toHaveText(/^1 of \d+ answered correctly$/);
});

test('predicted output is compared without trailing whitespace', async ({ page }) => {
  const q = await question(page, 'lockup-shard-index');
  const box = q.getByRole('textbox', { name: 'Your prediction of everything the program prints' });
  await box.fill('5 5\n3 13');
  await q.getByRole('button', { name: 'Check' }).click();
  await expect(q.getByRole('status')).toContainText('Not quite.');
  await q.getByRole('button', { name: 'Try again' }).click();
  await expect(box).toBeFocused();
  await box.fill('5 5   \n-3 13\n\n');
  await q.getByRole('button', { name: 'Check' }).click();
  await expect(q.getByRole('status')).toContainText('Correct.');
  await expect(q.getByRole('status')).toContainText('the remainder takes the sign of the dividend');
});

test('an order question is solved with the keyboard only', async ({ page }) => {
  const q = await question(page, 'internals-wakeup-order', ORDER_PAGE);
  const answer = await q.evaluate((el) => {
    const host = el.closest('lockstep-quiz')!;
    const bytes = Uint8Array.from(atob(host.getAttribute('data-quiz')!), (c) => c.charCodeAt(0));
    const data = JSON.parse(new TextDecoder().decode(bytes)) as {
      questions: { id: string; answer: string[] }[];
    };
    return data.questions.find((x) => x.id === 'internals-wakeup-order')!.answer;
  });
  const ids = () =>
    q.locator('.quiz-order > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-option')));
  expect(await ids()).not.toEqual(answer);

  // Selection sort with Up buttons: focus one button, then only keys.
  for (let target = 0; target < answer.length; target++) {
    const from = (await ids()).indexOf(answer[target]!);
    if (from === target) continue;
    const up = q.locator(`.quiz-order > li[data-option="${answer[target]}"] button`).first();
    await up.focus();
    for (let i = from; i > target; i--) {
      await page.keyboard.press(i % 2 ? 'Enter' : 'Space');
      await expect(up).toBeFocused(); // the pressed button keeps focus as its row moves
    }
    await expect(q.locator('.quiz-sr')).toHaveText(
      new RegExp(`^Moved to position ${target + 1} of ${answer.length}: `),
    );
  }
  expect(await ids()).toEqual(answer);
  await expect(
    q
      .locator('.quiz-order > li')
      .first()
      .getByRole('button', { name: /^Move up/ }),
  ).toHaveAttribute('aria-disabled', 'true');

  const check = q.getByRole('button', { name: 'Check' });
  for (let i = 0; i < 30 && !(await check.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(check).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(q.getByRole('status')).toContainText('Correct.');
});

test('the 简体中文 page shows the quiz in Chinese', async ({ page }) => {
  const q = await question(page, 'lockup-io-in-critical-section', ZH_PAGE);
  await expect(q.getByRole('group')).toContainText('哪种改法能解决这次锁死');
  await expect(q.locator('.quiz-kind')).toHaveText('选择一个答案。');
  await q.getByRole('radio', { name: /改用 `?sync.RWMutex/ }).check();
  await q.getByRole('button', { name: '检查答案' }).click();
  await expect(q.getByRole('status')).toContainText('还不对。');
  await expect(q.getByRole('status')).toContainText('锁被持有的时间');
  await expect(q.getByRole('button', { name: '再试一次' })).toBeFocused();
  await expect(page.locator('.quiz-summary').first()).toContainText('已答对 0 /');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('questions are readable and the answer waits in a details element', async ({ page }) => {
    await page.goto(PAGE);
    const q = page.locator('#quiz-lockup-shard-index');
    await expect(q.locator('legend')).toContainText('What does the program print?');
    const details = q.locator('details');
    await expect(details.locator('.quiz-expected')).toBeHidden();
    await details.locator('summary').click();
    await expect(details.locator('.quiz-expected')).toHaveText('5 5\n-3 13\n');
    await expect(details).toContainText('uint64(id) % 16');
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in a quiz (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    const wrong = await question(page, 'lockup-io-in-critical-section');
    await wrong.getByRole('radio', { name: /Replace/ }).check();
    await wrong.getByRole('button', { name: 'Check' }).click();
    const right = await question(page, 'lockup-pending-timer');
    await right.getByRole('radio', { name: /hangs while the timer is pending/ }).check();
    await right.getByRole('button', { name: 'Check' }).click();
    await expect(right.getByRole('status')).toContainText('Correct.');
    const results = await new AxeBuilder({ page })
      .include('lockstep-quiz')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    ).toEqual([]);
  });
}
