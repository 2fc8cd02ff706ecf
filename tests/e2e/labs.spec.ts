/**
 * Instructor labs in Chromium with two (then three) browser contexts, against the real runner and
 * a private SQLite file: the instructor creates a lab; a student joins and submits a wrong, then
 * a right solution; the gradebook shows both attempts and the best score and exports the right
 * CSV; a second student sees nothing of the first one's work; everything is still there after the
 * server is SIGKILLed and restarted; on a server that cannot run code, the student is told the
 * submission could not be graded (in English and Chinese) and the instructor re-queues it from the
 * gradebook. This spec runs its own servers so that it can kill one and break the other.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const PORT = Number(process.env.E2E_LAB_PORT ?? 4339);
const BASE = `http://127.0.0.1:${PORT}`;
// Made in beforeAll: the runner's main process also loads this file (to list tests) and would
// leave an empty directory behind.
let tmp = '';
let server: ChildProcess | null = null;

async function startServer(): Promise<void> {
  server = spawn(process.execPath, ['playground/src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOCKSTEP_DATA_DIR: resolve(process.env.E2E_DATA_DIR ?? '.data/it'),
      LOCKSTEP_LABS_DB: join(tmp, 'labs.sqlite'),
      LOCKSTEP_NO_WARMUP: '1',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('the lab server did not start');
}

async function killServer(signal: NodeJS.Signals): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill(signal);
  });
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE });
  return context.newPage();
}

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

test.beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lockstep-labs-e2e-'));
  await startServer();
});
test.afterAll(async () => {
  await killServer('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
});

const state = { join: '', instructor: '' };

test('an instructor creates a lab and gets a join link and a private link', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/labs/');
  await page.getByLabel('Lab title').fill('Week 1: locks');
  await page.getByRole('checkbox', { name: 'Fix the lost update in a shared counter' }).check();
  await page.getByLabel('Offer reference solutions after a first attempt').check();
  await page.getByRole('button', { name: 'Create the lab' }).click();
  await expect(page.getByRole('heading', { name: 'The lab “Week 1: locks” is ready.' })).toBeVisible();
  state.join = await page.getByLabel('Join link for students').inputValue();
  state.instructor = await page.getByLabel('Your private instructor link').inputValue();
  expect(state.join).toMatch(/\/labs\/student\/\?lab=[\w-]+$/);
  expect(state.instructor).toMatch(/\/labs\/gradebook\/\?lab=[\w-]+#key=lsk_/);
  await expect(page.locator('.lab-mine-list')).toContainText('Week 1: locks');
  expect(await axe(page)).toEqual([]);
});

test('a student joins, submits a wrong and then a right solution; the open gradebook follows live', async ({
  browser,
}) => {
  // The instructor's gradebook is open before anything is submitted and is never reloaded.
  const instructor = await newPage(browser);
  await instructor.goto(state.instructor);
  await expect(instructor.locator('.lab-empty')).toBeVisible();
  const page = await newPage(browser);
  await page.goto(state.join);
  await expect(page.getByRole('heading', { name: 'Week 1: locks' })).toBeVisible();
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Student ID').fill('s-001');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText('Signed in as Ada Lovelace (s-001).')).toBeVisible();
  const ex = page.locator('lockstep-exercise');
  await ex.locator('lockstep-playground').scrollIntoViewIfNeeded();
  await expect(ex.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await ex.getByRole('button', { name: 'Submit', exact: true }).click();
  const history = page.locator('.lab-history');
  // Acknowledged at once: the history lists it before it is graded (its state says how far it is).
  await expect(history.locator('li')).toHaveCount(1);
  await expect(ex).toHaveAttribute('data-verdict', 'fail', { timeout: 60_000 });
  await expect(ex.locator('.pg-line-race, .pg-line-race-previous').first()).toBeVisible();
  await expect(history.locator('li[data-state="graded"]')).toHaveCount(1);
  const cell = instructor.locator(
    'tr[data-student="s-001"] td[data-exercise="lost-update-counter"] .lab-cell',
  );
  await expect(cell).toHaveText(/\d+ \/ \d+, 1 attempts/, { timeout: 30_000 });

  page.once('dialog', (d) => void d.accept());
  await ex.getByRole('button', { name: 'Show solution' }).click();
  await expect(ex.locator('.ex-status')).toContainText('reference solution');
  await ex.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(ex).toHaveAttribute('data-verdict', 'pass', { timeout: 60_000 });
  await expect(history.locator('li[data-state="graded"]')).toHaveCount(2);
  await expect(history.locator('.lab-best')).toHaveText(/Best: (\d+) \/ \1/);
  expect(await axe(page)).toEqual([]);
  await expect(cell).toHaveText(/(\d+) \/ \1, 2 attempts/, { timeout: 30_000 });
  expect(await axe(instructor)).toEqual([]);
});

test('the gradebook shows both attempts and the best score, and the CSV has the right rows', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await page.goto(state.instructor);
  // The key leaves the address bar at once (it stays in this browser).
  await expect.poll(() => page.url()).not.toContain('#key=');
  const row = page.locator('tr[data-student="s-001"]');
  await expect(row).toContainText('Ada Lovelace');
  const cell = row.locator('td[data-exercise="lost-update-counter"] .lab-cell');
  await expect(cell).toHaveText(/(\d+) \/ \1, 2 attempts/);
  await cell.click();
  await expect(page.locator('.lab-detail .lab-history-list > li')).toHaveCount(2);
  await expect(page.locator('.lab-submission .ex-test').first()).toBeVisible();
  expect(await axe(page)).toEqual([]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe('lab,student_id,name,email,exercise,score,max_score,attempts,submitted_at,late');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(
    /^Week 1: locks,s-001,Ada Lovelace,,lost-update-counter,(\d+),\1,2,\d{4}-[^,]+Z,false$/,
  );
  // An override of the full-score submission (opened first) to 0 makes the other attempt the best,
  // below full marks; removing it restores the full score.
  await page.getByLabel('Score that counts').fill('0');
  await page.getByLabel('Comment for the record').fill('Copied from the lecture notes');
  await page.getByRole('button', { name: 'Save override' }).click();
  await expect(page.locator('.lab-override-form [role="status"]')).toHaveText('Override saved.');
  await expect(cell).not.toHaveText(/(\d+) \/ \1, 2 attempts/);
  await expect(cell).toHaveText(/^\d+ \/ \d+, 2 attempts/);
  await page.getByRole('button', { name: 'Remove override' }).click();
  await expect(cell).toHaveText(/(\d+) \/ \1, 2 attempts/);
});

test('a second student sees none of the first one’s work', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto(state.join);
  await page.getByLabel('Your name').fill('Bob');
  await page.getByLabel('Student ID').fill('s-002');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText('Signed in as Bob (s-002).')).toBeVisible();
  await expect(page.locator('.lab-history')).toContainText('No submissions yet.');
  const labId = new URL(state.join).searchParams.get('lab')!;
  const key = new URL(state.instructor).hash.replace('#key=', '');
  const book = (await (
    await fetch(`${BASE}/api/labs/${labId}/gradebook`, {
      headers: { authorization: `Bearer ${decodeURIComponent(key)}` },
    })
  ).json()) as { submissions: { id: string }[] };
  const adaFirst = book.submissions[0]!.id;
  const statuses = await page.evaluate(
    async ({ labId, adaFirst }) => {
      const token = (
        JSON.parse(localStorage.getItem('lockstep:labs:v1')!) as {
          student: Record<string, { token: string }>;
        }
      ).student[labId]!.token;
      const auth = { authorization: `Bearer ${token}` };
      return [
        (await fetch(`/api/labs/${labId}/submissions/${adaFirst}`, { headers: auth })).status,
        (await fetch(`/api/labs/${labId}/gradebook`, { headers: auth })).status,
      ];
    },
    { labId, adaFirst },
  );
  expect(statuses).toEqual([404, 403]);
});

test('everything is still there after the server is killed and restarted', async ({ browser }) => {
  await killServer('SIGKILL');
  await startServer();
  const instructor = await newPage(browser);
  await instructor.goto(state.instructor);
  await expect(
    instructor.locator('tr[data-student="s-001"] td[data-exercise="lost-update-counter"] .lab-cell'),
  ).toHaveText(/(\d+) \/ \1, 2 attempts/);
  await expect(instructor.locator('tr[data-student="s-002"]')).toContainText('not attempted');
});

test('the Chinese lab pages are translated', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/zh-cn/labs/');
  await expect(page.getByRole('button', { name: '创建实验' })).toBeVisible();
  await expect(page.getByLabel('实验标题')).toBeVisible();
  await page.goto('/zh-cn/labs/gradebook/');
  await expect(page.locator('.lab-status')).toContainText('教师专用链接');
});

test('a Submit whose answer a dying replica lost is sent again with the same key and stored once', async ({
  browser,
}) => {
  const page = await newPage(browser);
  const keys: string[] = [];
  let lost = false;
  // The first POST reaches the real server, which stores the work; its answer becomes a gateway's
  // 502, as when the replica dies before answering. The page must send it again, with the same key.
  await page.route(
    (url) => /^\/api\/labs\/[\w-]+\/submissions$/.test(url.pathname),
    async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      const answer = await route.fetch();
      if (lost) return route.fulfill({ response: answer });
      lost = true;
      return route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>502 Bad Gateway</h1>' });
    },
  );
  await page.goto(state.join);
  await page.getByLabel('Your name').fill('Cy');
  await page.getByLabel('Student ID').fill('s-003');
  await page.getByRole('button', { name: 'Join' }).click();
  const ex = page.locator('lockstep-exercise');
  await ex.locator('lockstep-playground').scrollIntoViewIfNeeded();
  await expect(ex.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await ex.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(ex).toHaveAttribute('data-verdict', 'fail', { timeout: 60_000 });
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
  expect(keys[1]).toBe(keys[0]);
  await expect(page.locator('.lab-history li[data-state="graded"]')).toHaveCount(1);
  await expect(page.locator('.lab-history li')).toHaveCount(1);
});

for (const [prefix, invalid, busy] of [
  [
    '',
    'The server answered something this page does not understand',
    'Too many requests at this moment. Try again in 9 s.',
  ],
  ['/zh-cn', '服务器的回答本页面无法理解', '当前请求过多。请在 9 秒后重试。'],
] as const) {
  test(`${prefix || '/'}: answers the page cannot use are worded in its language, not a crash`, async ({
    browser,
  }) => {
    const labId = new URL(state.join).searchParams.get('lab')!;
    const page = await newPage(browser);
    // The lab's view without most of its fields: what a wrong proxy or an older server might send.
    await page.route(
      (url) => url.pathname === `/api/labs/${labId}`,
      (route) => route.fulfill({ json: { id: labId, title: 'Half a lab' } }),
    );
    await page.goto(`${prefix}/labs/student/?lab=${labId}`);
    await expect(page.locator('.lab-status')).toContainText(invalid);
    await expect(page.getByRole('heading', { name: 'Half a lab' })).toHaveCount(0);

    // A request limit on joining: the wait is the server's Retry-After, the words the page's.
    await page.unrouteAll();
    await page.route(
      (url) => url.pathname === `/api/labs/${labId}/students`,
      (route) =>
        route.fulfill({
          status: 429,
          headers: { 'retry-after': '9' },
          json: { error: 'rate_limited', message: 'Rate limit exceeded, retry in 9 seconds' },
        }),
    );
    await page.reload();
    await page.locator('.lab-join input[name="name"]').fill('Dee');
    await page.locator('.lab-join input[name="studentId"]').fill('s-004');
    await page.locator('.lab-join button[type="submit"]').click();
    await expect(page.locator('.lab-status')).toContainText(busy);
  });
}

test('errors the server answers are worded in Chinese on the Chinese pages, with no English left', async ({
  browser,
}) => {
  // The server sends codes with params and a short English message; the page words the code.
  const english = /[A-Za-z]{3,}(?:\s+[A-Za-z]{2,}){2,}/;
  const page = await newPage(browser);
  const zhJoin = state.join.replace('/labs/', '/zh-cn/labs/');
  await page.goto(zhJoin);
  await page.getByLabel('你的姓名').fill('Mallory');
  await page.getByLabel('学号').fill('s-001');
  await page.getByRole('button', { name: '加入' }).click();
  const status = page.locator('.lab-status');
  await expect(status).toHaveText(
    '操作失败：学号“s-001”已经加入了这个实验。请打开你加入时拿到的个人链接，或者询问你的教师。',
  );
  expect(await status.textContent()).not.toMatch(english);
  // A link to a lab that does not exist.
  await page.goto('/zh-cn/labs/student/?lab=nolab0000');
  await expect(status).toHaveText('操作失败：没有编号为“nolab0000”的实验。请检查你拿到的链接。');
  expect(await status.textContent()).not.toMatch(english);
});

test('a submission that cannot be graded is shown as such to the student and re-queued by the instructor', async ({
  browser,
}) => {
  // A second server whose sandbox is unavailable (no bwrap on its PATH), giving up after one try.
  const port = PORT + 1;
  const base = `http://127.0.0.1:${port}`;
  const bin = join(tmp, 'bin');
  mkdirSync(bin);
  for (const name of readdirSync('/usr/bin'))
    if (name !== 'bwrap') symlinkSync(join('/usr/bin', name), join(bin, name));
  const broken = spawn(process.execPath, ['playground/src/server.ts'], {
    env: {
      ...process.env,
      PATH: `${bin}:${dirname(execSync('command -v go', { encoding: 'utf8' }).trim())}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOCKSTEP_DATA_DIR: resolve(process.env.E2E_DATA_DIR ?? '.data/it'),
      LOCKSTEP_LABS_DB: join(tmp, 'broken.sqlite'),
      LOCKSTEP_NO_WARMUP: '1',
      LOCKSTEP_GRADE_ATTEMPTS: '1',
    },
    stdio: 'ignore',
  });
  try {
    await expect
      .poll(() =>
        fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        ),
      )
      .toBe(true);
    const created = (await (
      await fetch(`${base}/api/labs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Broken runner',
          exercises: ['lost-update-counter'],
          opensAt: new Date(Date.now() - 3600_000).toISOString(),
          dueAt: new Date(Date.now() + 3600_000).toISOString(),
          latePolicy: 'accept',
          latePenaltyPercent: 0,
          hints: true,
          solutions: false,
          attemptLimit: null,
        }),
      })
    ).json()) as { lab: { id: string }; instructorKey: string };
    const labId = created.lab.id;

    const context = await browser.newContext({ baseURL: base });
    const student = await context.newPage();
    await student.goto(`/labs/student/?lab=${labId}`);
    await student.getByLabel('Your name').fill('Grace');
    await student.getByLabel('Student ID').fill('g-1');
    await student.getByRole('button', { name: 'Join' }).click();
    const ex = student.locator('lockstep-exercise');
    await ex.locator('lockstep-playground').scrollIntoViewIfNeeded();
    await expect(ex.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    await ex.getByRole('button', { name: 'Submit', exact: true }).click();
    // The live status line (.ex-status, role=status) says it was received, and that it could not be graded.
    await expect(ex.locator('.ex-status')).toContainText(
      /Received at .*, but the server could not grade it/,
      {
        timeout: 30_000,
      },
    );
    await expect(student.locator('.lab-history li[data-state="failed"]')).toContainText(
      'could not be graded',
    );
    expect(await axe(student)).toEqual([]);
    // The same in Chinese.
    await student.goto(`/zh-cn/labs/student/?lab=${labId}`);
    await expect(student.locator('.lab-history li[data-state="failed"]')).toContainText('无法评分');

    const instructor = await context.newPage();
    await instructor.goto(`/labs/gradebook/?lab=${labId}#key=${encodeURIComponent(created.instructorKey)}`);
    const failed = instructor.getByRole('region', { name: 'Submissions that could not be graded' });
    await expect(failed).toContainText('Grace (g-1)');
    await expect(failed).toContainText('the Go runner is not available on the server');
    await expect(instructor.locator('td[data-exercise="lost-update-counter"]')).toContainText('1 not graded');
    expect(await axe(instructor)).toEqual([]);
    await failed.getByRole('button', { name: 'Grade again' }).click();
    await expect(instructor.locator('.lab-notice')).toHaveText('Back in the grading queue.');
    // It goes round again, fails again (the runner is still away), and the live gradebook shows it.
    await expect(instructor.locator('.lab-failed li[data-submission]')).toHaveCount(1);
    await expect(instructor.locator('td[data-exercise="lost-update-counter"]')).toContainText('1 not graded');
    await context.close();
  } finally {
    await new Promise<void>((done) => {
      if (broken.exitCode !== null) return done();
      broken.once('exit', () => done());
      broken.kill('SIGTERM');
    });
  }
});
