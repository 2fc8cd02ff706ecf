import { describe, expect, test } from 'vitest';
import { Value } from 'typebox/value';
import type { GradeResult } from '../../contract/grade.ts';
import { GradeStreamMessage } from '../../contract/grade-stream.ts';
import { runResult, testCase } from '../../playground/src/grading/run-fixture.ts';
import {
  CHECK_INVALID,
  CHECK_STARTED,
  CHECK_UNREACHABLE,
  checkStatusText,
  isSettled,
  reduceCheck,
  type CheckState,
} from './check-state.ts';
import { isGradeStreamMessage, readGradeStreamMessage } from './grade-stream-check.ts';

const grade: GradeResult = {
  exerciseId: 'lost-update-counter',
  verdict: 'fail',
  score: 1,
  maxScore: 10,
  status: 'race',
  summary: { code: 'failed', params: { failed: 1, n: 2 } },
  message: 'Not yet.',
  tests: [
    {
      name: 'TestA',
      status: 'fail',
      weight: 9,
      score: 0,
      note: { code: 'race', params: {} },
      message: 'raced',
      hidden: false,
      race: true,
    },
    { name: 'TestB', status: 'pass', weight: 1, score: 1, message: '', hidden: true, race: false },
  ],
  runs: 1,
  run: runResult('race', [testCase('TestA', 'fail'), testCase('TestB', 'pass')]),
};

const messages = (...m: GradeStreamMessage[]): GradeStreamMessage[] => m;

/** Folds the messages from the start and returns the status line after each one. */
function lines(all: GradeStreamMessage[], locale: 'en' | 'zh-cn' = 'en'): string[] {
  let state: CheckState = CHECK_STARTED;
  return all.map((m) => {
    state = reduceCheck(state, m);
    return state.kind === 'graded' ? 'graded' : checkStatusText(state, locale);
  });
}

describe('the Check as the status line tells it', () => {
  test('waits with its place in line as it counts down, checks, and waits again for the next run', () => {
    const all = messages(
      { type: 'phase', phase: 'queued' },
      { type: 'queued', position: 2 },
      { type: 'queued', position: 1 },
      { type: 'phase', phase: 'building' },
      { type: 'phase', phase: 'running' },
      { type: 'phase', phase: 'queued' },
      { type: 'queued', position: 1 },
      { type: 'phase', phase: 'running' },
      { type: 'grade', result: grade },
    );
    expect(lines(all)).toEqual([
      'Checking with the hidden tests…',
      'Waiting for a checker: number 2 in the queue.',
      'Waiting for a checker: number 1 in the queue.',
      'Checking with the hidden tests…',
      'Checking with the hidden tests…',
      'Checking with the hidden tests…',
      'Waiting for a checker: number 1 in the queue.',
      'Checking with the hidden tests…',
      'graded',
    ]);
    expect(lines(all, 'zh-cn').slice(0, 4)).toEqual([
      '正在用隐藏测试检查…',
      '正在等待检查器：排在第 2 位。',
      '正在等待检查器：排在第 1 位。',
      '正在用隐藏测试检查…',
    ]);
  });

  test('a grade settles it, and nothing after it changes it', () => {
    const graded = reduceCheck(CHECK_STARTED, { type: 'grade', result: grade });
    expect(graded).toEqual({ kind: 'graded', grade });
    expect(isSettled(graded)).toBe(true);
    expect(reduceCheck(graded, { type: 'queued', position: 3 })).toBe(graded);
    expect(isSettled({ kind: 'waiting', position: 1 })).toBe(false);
  });

  test("a full queue says the server's retry advice in the learner's language", () => {
    const full = reduceCheck(
      { kind: 'waiting', position: 1 },
      { type: 'error', error: 'queue_full', message: 'You already have runs waiting…', retryAfterS: 7 },
    );
    expect(isSettled(full)).toBe(true);
    if (full.kind !== 'failed') throw new Error('not failed');
    expect(checkStatusText(full, 'en')).toBe(
      'Every checker is busy, or this tab already has runs waiting. Try again in 7 s.',
    );
    expect(checkStatusText(full, 'zh-cn')).toBe(
      '检查器都在忙，或者本标签页已有运行在排队。请在 7 秒后重试。',
    );
  });

  test('an unreachable runner, a message off the contract and other refusals have their own words', () => {
    expect(checkStatusText(CHECK_UNREACHABLE, 'en')).toBe(
      'The grader could not grade this: the runner cannot be reached (is `npm start` running?)',
    );
    expect(checkStatusText(CHECK_INVALID, 'zh-cn')).toMatch(/^检查已停止/);
    const refused = reduceCheck(CHECK_STARTED, {
      type: 'error',
      error: 'file_not_allowed',
      message: '"x.go" is not a file of this exercise; you may send: counter.go.',
      params: { file: 'x.go', allowed: ['counter.go'] },
    });
    if (refused.kind !== 'failed') throw new Error('not failed');
    expect(checkStatusText(refused, 'en')).toBe(
      'The grader could not grade this: “x.go” is not a file of this exercise; you may send: counter.go.',
    );
    // The server's English message is never shown: the code is worded in the page's language.
    expect(checkStatusText(refused, 'zh-cn')).toBe(
      '评分程序无法完成评分：“x.go”不是这个练习的文件；你可以提交的文件：counter.go。',
    );
  });
});

describe('the browser checks grade stream messages against the contract', () => {
  const VALID: unknown[] = [
    { type: 'queued', position: 1 },
    { type: 'phase', phase: 'running' },
    { type: 'grade', result: grade },
    { type: 'grade', result: { ...grade, verdict: 'pass', explanation: 'Why.' } },
    { type: 'error', error: 'queue_full', message: 'wait', retryAfterS: 3 },
    { type: 'error', error: 'bad_request', message: 'no' },
  ];
  const INVALID: unknown[] = [
    null,
    {},
    { type: 'queued', position: 0 },
    { type: 'queued', position: 1.5 },
    { type: 'phase', phase: 'grading' },
    { type: 'output', stream: 'stdout', data: 'x' },
    { type: 'result', result: grade.run },
    { type: 'grade', result: { ...grade, verdict: 'maybe' } },
    { type: 'grade', result: { ...grade, tests: [{ name: 'TestA' }] } },
    { type: 'error', error: 'x' },
    { type: 'error', error: 'x', message: 'y', retryAfterS: 'soon' },
  ];

  test.each(VALID.map((m) => [JSON.stringify(m).slice(0, 60), m]))('accepts %s', (_name, m) => {
    expect(Value.Check(GradeStreamMessage, m)).toBe(true);
    expect(isGradeStreamMessage(m)).toBe(true);
  });

  test.each(INVALID.map((m) => [JSON.stringify(m).slice(0, 60), m]))('refuses %s', (_name, m) => {
    expect(Value.Check(GradeStreamMessage, m)).toBe(false);
    expect(isGradeStreamMessage(m)).toBe(false);
  });

  test('reads a message from its text, and nothing from text that is not one', () => {
    expect(readGradeStreamMessage('{"type":"queued","position":2}')).toEqual({ type: 'queued', position: 2 });
    expect(readGradeStreamMessage('{"type":"queued"')).toBeNull();
    expect(readGradeStreamMessage('{"type":"queued","position":-1}')).toBeNull();
  });
});
