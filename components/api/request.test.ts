import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, worthSendingAgain } from './api-error.ts';
import { apiErrorText } from './error-text.ts';
import { fetchLab } from './labs-student.ts';
import { request, retryAfterSeconds } from './request.ts';

/** One answer of the stubbed fetch: a status, headers and a body (JSON unless a string). */
type Answer = { status: number; headers?: Record<string, string>; body?: unknown } | 'network';

const isAny = (value: unknown): value is unknown => value !== undefined;
const now = { tries: 4, firstPauseMs: 0 };

/** Stubs fetch with `answers`, one per call (the last repeats); returns the calls' requests. */
function answers(...list: Answer[]): RequestInit[] {
  const calls: RequestInit[] = [];
  vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
    const answer = list[Math.min(calls.length, list.length - 1)]!;
    calls.push(init);
    if (answer === 'network') throw new TypeError('Failed to fetch');
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
    return new Response(text, { status: answer.status, headers: answer.headers });
  });
  return calls;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the request succeeded'),
    (e: unknown) => e as ApiError,
  );

afterEach(() => vi.unstubAllGlobals());

describe('errors: facts from the client, words from apiErrorText', () => {
  it('words a 429 in the page’s locale with the server’s Retry-After', async () => {
    const limited = { error: 'rate_limited', message: 'Rate limit exceeded, retry in 13 seconds' };
    answers({ status: 429, headers: { 'retry-after': '13' }, body: limited });
    const error = await failure(request('/api/labs/x/students', { body: {}, read: isAny }));
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.retryAfterS]).toEqual([429, 'rate_limited', 13]);
    expect(apiErrorText('zh-cn', error)).toContain('请在 13 秒后重试');
    answers({ status: 429, headers: { 'retry-after': '7' }, body: { error: 'queue_full', message: 'x' } });
    const full = await failure(request('/api/labs/x/submissions', { body: {}, read: isAny }));
    expect(apiErrorText('en', full)).toBe('The runner is busy. Try again in 7 s.');
    // A proxy's 429 without a code: the page's own words, the header's wait.
    answers({ status: 429, headers: { 'retry-after': '4' }, body: '<h1>Too Many Requests</h1>' });
    const proxy = await failure(request('/api/labs/x/submissions', { body: {}, read: isAny }));
    expect(apiErrorText('en', proxy)).toBe('Too many requests at this moment. Try again in 4 s.');
  });

  it('keeps the server’s code, params and message for other refusals, and words the code, not the message', async () => {
    const busy = { error: 'attempts_exhausted', message: 'No attempts left.', params: { limit: 3 } };
    answers({ status: 409, headers: { 'content-type': 'application/json' }, body: busy });
    const error = await failure(request('/api/labs/x/submissions', { body: {}, read: isAny }));
    expect([error.status, error.code, error.params, error.retryAfterS]).toEqual([
      409,
      'attempts_exhausted',
      { limit: 3 },
      null,
    ]);
    expect(apiErrorText('en', error)).toBe('You have used all 3 attempts for this exercise.');
    expect(apiErrorText('zh-cn', error)).toBe('这道练习的 3 次提交机会你已经全部用完。');
  });

  it('names a proxy’s page by its status, and a failed connection as unreachable', async () => {
    answers({ status: 502, body: '<h1>Bad Gateway</h1>' });
    const gateway = await failure(request('/api/labs/x/submissions', { body: {}, read: isAny }));
    expect([gateway.status, gateway.code]).toEqual([502, 'http_502']);
    answers('network');
    const unreachable = await failure(request('/api/labs/x/submissions', { body: {}, read: isAny }));
    expect([unreachable.status, unreachable.code]).toEqual([0, 'unreachable']);
    expect(apiErrorText('zh-cn', unreachable)).toBe('无法连接服务器（`npm start` 是否在运行？）。');
  });

  it('words what is not an ApiError too: a failed module load is the connection, anything else its message', () => {
    expect(apiErrorText('en', new TypeError('Failed to fetch dynamically imported module'))).toBe(
      'The server cannot be reached (is `npm start` running?).',
    );
    expect(apiErrorText('en', new Error('odd'))).toBe('odd');
    expect(apiErrorText('zh-cn', new ApiError(0, 'aborted', 'x'))).toBe('请求已取消。');
  });

  it('reads Retry-After as whole seconds, at least one', () => {
    expect([
      retryAfterSeconds('13'),
      retryAfterSeconds('0.2'),
      retryAfterSeconds(null),
      retryAfterSeconds('soon'),
    ]).toEqual([13, 1, null, null]);
  });
});

describe('answers are checked against the contract', () => {
  const lab = {
    id: 'lab123',
    title: 'Week 1',
    exercises: [],
    opensAt: '2026-01-01T00:00:00.000Z',
    dueAt: '2026-01-08T00:00:00.000Z',
    latePolicy: 'accept',
    latePenaltyPercent: 0,
    hints: true,
    solutions: false,
    attemptLimit: null,
    phase: 'open',
    createdAt: '2026-01-01T00:00:00.000Z',
  };

  it('hands over an answer that fits', async () => {
    answers({ status: 200, body: lab });
    await expect(fetchLab('lab123', 'en')).resolves.toEqual(lab);
  });

  it('refuses one that does not, or is not JSON, as invalid_response the page words', async () => {
    answers({ status: 200, body: { ...lab, phase: 'soon' } });
    const off = await failure(fetchLab('lab123', 'en'));
    expect([off.status, off.code]).toEqual([200, 'invalid_response']);
    expect(apiErrorText('en', off)).toMatch(/answered something this page does not understand/);
    answers({ status: 200, body: '<html>a captive portal</html>' });
    const html = await failure(fetchLab('lab123', 'zh-cn'));
    expect(html.code).toBe('invalid_response');
    expect(apiErrorText('zh-cn', html)).toBe('服务器的回答本页面无法理解。请刷新页面后重试。');
  });
});

describe('sending again', () => {
  it('worth it after a failed connection and the gateway errors of a replica dying behind a load balancer', async () => {
    const failures: unknown[] = [];
    for (const answer of ['network', { status: 502 }, { status: 503 }, { status: 504 }] as Answer[]) {
      answers(answer);
      failures.push(await failure(request('/api/labs/x/submissions', { body: {}, read: isAny })));
    }
    expect(failures.map(worthSendingAgain)).toEqual([true, true, true, true]);
  });

  it('not after an answer of the application itself', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 429, 500])
      expect(worthSendingAgain(new ApiError(status, 'no', 'no')), String(status)).toBe(false);
    expect(worthSendingAgain(new Error('other'))).toBe(false);
  });

  it('sends a GET again after a gateway error, and answers with what came next', async () => {
    const calls = answers({ status: 502 }, 'network', { status: 200, body: { ok: true } });
    await expect(request('/api/health', { read: isAny, retry: now })).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(3);
  });

  it('sends a POST with an Idempotency-Key again with the same key, saying so each time', async () => {
    const calls = answers({ status: 504 }, { status: 503 }, { status: 202, body: { id: 's1' } });
    const retries: number[] = [];
    const retry = { ...now, onRetry: (attempt: number) => retries.push(attempt) };
    await request('/x', { body: {}, idempotencyKey: 'key-12345', retry, read: isAny });
    expect(calls.map((c) => (c.headers as Record<string, string>)['idempotency-key'])).toEqual([
      'key-12345',
      'key-12345',
      'key-12345',
    ]);
    expect(retries).toEqual([2, 3]);
  });

  it('gives up after the policy’s tries with the last failure', async () => {
    const calls = answers({ status: 502 });
    const error = await failure(
      request('/x', { body: {}, idempotencyKey: 'key-12345', retry: now, read: isAny }),
    );
    expect([calls.length, error.status]).toEqual([4, 502]);
  });

  it('never sends a POST without a key again, nor anything after a 429 or a refusal', async () => {
    for (const answer of [{ status: 502 }, 'network'] as Answer[]) {
      const calls = answers(answer, { status: 200 });
      await failure(request('/api/run', { body: {}, retry: now, read: isAny }));
      expect(calls).toHaveLength(1);
    }
    for (const status of [429, 404, 500]) {
      const calls = answers({ status, headers: { 'retry-after': '3' } }, { status: 200 });
      await failure(request('/api/health', { read: isAny, retry: now }));
      expect(calls, String(status)).toHaveLength(1);
    }
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    vi.stubGlobal('fetch', async () => {
      controller.abort();
      throw new DOMException('The operation was aborted.', 'AbortError');
    });
    const error = await failure(request('/x', { read: isAny, retry: now, signal: controller.signal }));
    expect([error.status, error.code]).toEqual([0, 'aborted']);
  });
});
