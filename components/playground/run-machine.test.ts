import { describe, expect, test } from 'vitest';
import { INITIAL_RUN, isBusy, reduceRun, statusText, type RunEvent } from './run-machine.ts';
import type { RunResult } from '../../contract/run.ts';

const result: RunResult = {
  status: 'race',
  exitCode: 66,
  stdout: '',
  stderr: '',
  truncated: false,
  races: [],
  tests: [],
  diagnostics: [],
  goroutines: [],
  timings: { queueMs: 0, buildMs: 500, runMs: 100, totalMs: 600 },
};

function play(events: RunEvent[]) {
  return events.reduce(reduceRun, INITIAL_RUN);
}

describe('run lifecycle', () => {
  test('a normal run: queued, building, running, done', () => {
    const s = play([
      { type: 'start', at: 0, race: true },
      { type: 'message', at: 10, message: { type: 'queued', position: 2 } },
      { type: 'message', at: 20, message: { type: 'phase', phase: 'building' } },
      { type: 'message', at: 900, message: { type: 'phase', phase: 'running' } },
      { type: 'message', at: 950, message: { type: 'output', stream: 'stdout', data: 'x' } },
      { type: 'message', at: 1500, message: { type: 'result', result } },
    ]);
    expect(s.phase).toBe('done');
    expect(isBusy(s)).toBe(false);
    expect(statusText(s, 'en', 9999)).toBe('Data race · Finished in 1.5 s');
    expect(statusText(s, 'zh-cn', 9999)).toBe('数据竞争 · 用时 1.5 秒');
  });

  test('accepted by the queue: starting, then a position only if it must wait', () => {
    const accepted = play([
      { type: 'start', at: 0, race: true },
      { type: 'message', at: 1, message: { type: 'phase', phase: 'queued' } },
    ]);
    expect(accepted.phase).toBe('queued');
    expect(statusText(accepted, 'en', 100)).toBe('Starting…');
    expect(statusText(accepted, 'zh-cn', 100)).toBe('正在启动…');
    const waiting = reduceRun(accepted, { type: 'message', at: 2, message: { type: 'queued', position: 3 } });
    expect(statusText(waiting, 'en', 100)).toBe('Waiting in line (position 3)');
  });

  test('status while waiting and building', () => {
    const queued = play([
      { type: 'start', at: 0, race: true },
      { type: 'message', at: 1, message: { type: 'queued', position: 3 } },
    ]);
    expect(statusText(queued, 'en', 100)).toBe('Waiting in line (position 3)');
    const building = reduceRun(queued, {
      type: 'message',
      at: 2,
      message: { type: 'phase', phase: 'building' },
    });
    expect(statusText(building, 'en', 2500)).toBe('Building with -race… 2.5 s');
    expect(isBusy(building)).toBe(true);
  });

  test('stop ends a busy run and is ignored when idle; late messages are ignored', () => {
    const stopped = play([
      { type: 'start', at: 0, race: false },
      { type: 'stop', at: 5 },
    ]);
    expect(stopped.phase).toBe('stopped');
    expect(reduceRun(stopped, { type: 'message', at: 6, message: { type: 'result', result } }).phase).toBe(
      'stopped',
    );
    expect(reduceRun(INITIAL_RUN, { type: 'stop', at: 1 })).toBe(INITIAL_RUN);
  });

  test('errors say what to do', () => {
    const busy = play([
      { type: 'start', at: 0, race: true },
      {
        type: 'message',
        at: 1,
        message: { type: 'error', error: 'queue_full', message: 'x', retryAfterS: 4 },
      },
    ]);
    expect(statusText(busy, 'en', 2)).toBe('The runner is busy. Try again in 4 s.');
    const down = play([
      { type: 'start', at: 0, race: true },
      { type: 'unreachable', at: 1 },
    ]);
    expect(statusText(down, 'en', 2)).toMatch(/npm start/);
  });

  test('a message off the contract ends the run with its own words, in both locales', () => {
    const s = play([
      { type: 'start', at: 0, race: true },
      { type: 'message', at: 10, message: { type: 'phase', phase: 'building' } },
      { type: 'invalid', at: 20 },
      { type: 'message', at: 30, message: { type: 'result', result } },
    ]);
    expect(s.phase).toBe('failed');
    expect(isBusy(s)).toBe(false);
    expect(s.result).toBeNull();
    expect(statusText(s, 'en', 99)).toMatch(
      /^The run was stopped: the runner sent a message this page cannot read/,
    );
    expect(statusText(s, 'zh-cn', 99)).toMatch(/^运行已停止：运行器发来了本页面无法读取的消息/);
    expect(play([{ type: 'invalid', at: 1 }])).toBe(INITIAL_RUN);
  });
});
