import { afterEach, describe, expect, it, vi } from 'vitest';
import { LabRequestError, labApi, worthSendingAgain } from './lab-client.ts';

/** The page at `path` (with the <html lang> Starlight gives it) gets `status` with `headers` and `body` for any request. */
function page(path: string, status: number, headers: Record<string, string>, body: unknown): void {
  vi.stubGlobal('location', { pathname: path });
  vi.stubGlobal('document', { documentElement: { lang: path.startsWith('/zh-cn/') ? 'zh-CN' : 'en' } });
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status, headers }));
}

afterEach(() => vi.unstubAllGlobals());

describe('lab API client', () => {
  it('words a 429 in the page’s locale with the server’s Retry-After', async () => {
    const limited = { error: 'rate_limited', message: 'Rate limit exceeded, retry in 13 seconds' };
    const json = { 'content-type': 'application/json' };
    page('/zh-cn/labs/student/', 429, { ...json, 'retry-after': '13' }, limited);
    await expect(labApi('/api/labs/x/students', { body: {} })).rejects.toThrow('请在 13 秒后重试');
    page('/labs/student/', 429, { ...json, 'retry-after': '7' }, { error: 'queue_full', message: 'x' });
    const error = await labApi('/api/labs/x/submissions', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabRequestError);
    expect((error as LabRequestError).status).toBe(429);
    expect((error as LabRequestError).message).toBe('Too many requests at this moment. Try again in 7 s.');
  });

  it('words other refusals from their code and params in the page’s locale, never the server’s English', async () => {
    const joined = {
      error: 'already_joined',
      message: 'Student ID "s-1" has already joined this lab.',
      params: { studentId: 's-1' },
    };
    page('/zh-cn/labs/student/', 409, { 'content-type': 'application/json' }, joined);
    const error = (await labApi('/api/labs/x/students', { body: {} }).catch(
      (e: unknown) => e,
    )) as LabRequestError;
    expect(error.message).toBe(
      '学号“s-1”已经加入了这个实验。请打开你加入时拿到的个人链接，或者询问你的教师。',
    );
    expect(error.coded).toEqual({ code: 'already_joined', params: { studentId: 's-1' } });
    page('/labs/student/', 409, { 'content-type': 'application/json' }, joined);
    await expect(labApi('/api/labs/x/students', { body: {} })).rejects.toThrow(
      'Student ID “s-1” has already joined this lab.',
    );
    // A code this page does not know (or no JSON at all) says only the status.
    page(
      '/labs/student/',
      409,
      { 'content-type': 'application/json' },
      { error: 'busy', message: 'Still grading.' },
    );
    await expect(labApi('/api/labs/x/submissions', { body: {} })).rejects.toThrow('HTTP 409');
  });
});

describe('sending a Submit again', () => {
  it('after a failed connection and the gateway errors of a replica dying behind a load balancer', async () => {
    const failures: unknown[] = [new TypeError('Failed to fetch')];
    for (const status of [502, 503, 504]) {
      page('/labs/student/', status, { 'content-type': 'text/html' }, '<h1>Bad Gateway</h1>');
      failures.push(await labApi('/api/labs/x/submissions', { body: {} }).catch((e: unknown) => e));
    }
    expect(failures.map(worthSendingAgain)).toEqual([true, true, true, true]);
  });

  it('not after an answer of the application itself', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 429, 500])
      expect(worthSendingAgain(new LabRequestError(status, 'no')), String(status)).toBe(false);
    expect(worthSendingAgain(new Error('other'))).toBe(false);
  });
});
