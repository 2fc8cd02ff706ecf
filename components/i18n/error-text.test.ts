import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, type ErrorParams } from '../../contract/errors.ts';
import { errorText, formatSize, wireError } from './error-text.ts';
import { LOCALES } from './locale.ts';

/** One example of every code's params: a code missing here is a TypeScript error. */
const SAMPLES: { [C in ErrorCode]: ErrorParams[C] } = {
  bad_request: { path: '/files', rule: 'minProperties', limit: 1 },
  not_json: {},
  empty_body: {},
  unsupported_media_type: {},
  too_large: { limitBytes: 1024 * 1024 },
  bad_file_name: { file: '../x.go' },
  too_many_files: { count: 21, max: 20 },
  source_too_large: { bytes: 300 * 1024, maxBytes: 256 * 1024 },
  stdin_too_large: { maxBytes: 64 * 1024 },
  no_go_file: {},
  trace_not_for_action: { action: 'vet' },
  trace_unavailable: {},
  nul_byte: { file: 'a.go' },
  embed_not_allowed: { file: 'c.go' },
  file_read_only: { file: 'go.mod', allowed: ['c.go'] },
  file_not_allowed: { file: 'extra.go', allowed: ['c.go', 'd.go'] },
  not_found: { method: 'GET', path: '/api/nope' },
  exercise_not_found: { exerciseId: 'nope' },
  lab_not_found: { labId: 'L1' },
  submission_not_found: {},
  exercise_not_in_lab: { exerciseId: 'x' },
  invalid_lab_settings: { problems: ['no_title', 'unknown_exercises'], unknownExercises: ['zzz'] },
  score_above_max: { maxScore: 10 },
  unauthorized: {},
  forbidden: { role: 'instructor' },
  cross_site: {},
  not_open: { opensAt: '2026-01-01T09:00:00.000Z' },
  closed: { dueAt: '2026-01-08T09:00:00.000Z' },
  attempts_exhausted: { limit: 3 },
  already_joined: { studentId: 's-1' },
  not_failed: { state: 'graded' },
  rate_limited: { retryAfterS: 7 },
  queue_full: { retryAfterS: 4 },
  cancelled: {},
  runner_unavailable: { reason: 'bwrap_missing' },
  database_unavailable: { reason: 'connection_refused' },
  internal: {},
};

const hanzi = /[\u4e00-\u9fff]/;

describe('errorText', () => {
  it.each(LOCALES)('words every code in %s, every placeholder filled', (locale) => {
    for (const code of ERROR_CODES) {
      const words = errorText(locale, { code, params: SAMPLES[code] });
      expect(words, code).not.toMatch(/[{}]/);
      expect(words.trim(), code).not.toBe('');
      if (locale === 'zh-cn') expect(words, code).toMatch(hanzi);
    }
  });

  it('words the refused files as the grader did, in both locales', () => {
    const zh = (code: ErrorCode) => errorText('zh-cn', { code, params: SAMPLES[code] });
    expect(
      errorText('zh-cn', { code: 'file_not_allowed', params: { file: 'extra.go', allowed: ['c.go'] } }),
    ).toBe('“extra.go”不是这个练习的文件；你可以提交的文件：c.go。');
    expect(
      errorText('zh-cn', { code: 'file_not_allowed', params: { file: 'x.go', allowed: ['c.go'] } }),
    ).toBe('“x.go”不是这个练习的文件；你可以提交的文件：c.go。');
    expect(zh('file_read_only')).toBe('go.mod 由练习提供，不能修改；你可以提交的文件：c.go。');
    expect(zh('embed_not_allowed')).toBe('c.go：练习中不能使用 //go:embed。');
    expect(zh('file_not_allowed')).toBe('“extra.go”不是这个练习的文件；你可以提交的文件：c.go、d.go。');
    expect(errorText('en', { code: 'file_not_allowed', params: SAMPLES.file_not_allowed })).toBe(
      '“extra.go” is not a file of this exercise; you may send: c.go, d.go.',
    );
  });

  it('words the sub-codes: schema rules, settings problems, roles, states and reasons', () => {
    expect(errorText('en', { code: 'bad_request', params: SAMPLES.bad_request })).toBe(
      'The request is not valid: /files needs at least 1 entries.',
    );
    expect(
      errorText('zh-cn', { code: 'bad_request', params: { path: '', rule: 'required', field: 'action' } }),
    ).toBe('请求无效：请求 缺少字段“action”。');
    expect(errorText('en', { code: 'bad_request', params: { path: '/x', rule: 'multipleOf' } })).toBe(
      'The request is not valid: /x breaks the rule “multipleOf”.',
    );
    expect(errorText('en', { code: 'invalid_lab_settings', params: SAMPLES.invalid_lab_settings })).toBe(
      'The lab cannot be created: Give the lab a title. Unknown exercises: zzz.',
    );
    expect(errorText('zh-cn', { code: 'invalid_lab_settings', params: SAMPLES.invalid_lab_settings })).toBe(
      '无法创建实验：请给实验起一个标题。未知的练习：zzz。',
    );
    expect(errorText('zh-cn', { code: 'forbidden', params: { role: 'student' } })).toBe(
      '只有加入了这个实验的学生才能这样做。',
    );
    expect(errorText('zh-cn', { code: 'not_failed', params: { state: 'graded' } })).toBe(
      '只有评分失败的提交才能重新排队；这份提交的状态是：已评分。',
    );
    expect(errorText('zh-cn', { code: 'runner_unavailable', params: { reason: 'bwrap_missing' } })).toBe(
      '这台服务器无法运行代码：没有安装沙箱 bubblewrap。',
    );
    expect(errorText('en', { code: 'database_unavailable', params: { reason: 'starting_up' } })).toBe(
      'The lab database cannot be reached right now (the database is starting up); try again shortly.',
    );
    expect(errorText('zh-cn', { code: 'queue_full', params: { retryAfterS: 4 } })).toBe(
      '运行器正忙。请在 4 秒后重试。',
    );
  });

  it('words sizes and dates for people', () => {
    expect(formatSize(256 * 1024)).toBe('256 KiB');
    expect(formatSize(1024 * 1024)).toBe('1 MiB');
    expect(formatSize(1500)).toBe('1.5 KiB');
    expect(formatSize(900)).toBe('900 B');
    expect(errorText('en', { code: 'source_too_large', params: SAMPLES.source_too_large })).toBe(
      'The code is 300 KiB; at most 256 KiB is allowed.',
    );
    const due = new Date(SAMPLES.closed.dueAt).toLocaleString('zh-CN', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    expect(errorText('zh-cn', { code: 'closed', params: SAMPLES.closed })).toBe(
      `这个实验已于 ${due} 截止，现已关闭。`,
    );
  });

  it('reads a code and params from a body, and nothing from a body without a known code', () => {
    expect(wireError({ error: 'lab_not_found', message: 'x', params: { labId: 'L' } })).toEqual({
      code: 'lab_not_found',
      params: { labId: 'L' },
    });
    expect(wireError({ type: 'error', error: 'internal', message: 'x' })).toEqual({ code: 'internal' });
    expect(wireError({ error: 'made_up', message: 'x' })).toBeNull();
    expect(wireError('text')).toBeNull();
  });
});
