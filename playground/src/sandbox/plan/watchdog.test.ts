import { describe, expect, it } from 'vitest';
import {
  classifySyscall,
  descendantsAtDepth,
  parseStat,
  processLooksStuck,
  StallDetector,
} from './watchdog.ts';

// Lines captured from Go 1.26 -race binaries on linux/amd64 (see README, "Deadlock watchdog").
const PARKED_FUTEX = '202 0xc000039160 0x80 0x0 0x0 0x0 0x0 0x7f2ffbffecc0 0x4bb0a3';
const SYSMON = '202 0x600d40 0x80 0x0 0x7f3000dfed28 0x0 0x0 0x7f3000dfecf0 0x4bb0a3';
const EPOLL_TIMER = '281 0x3 0x7ffe79b7f70c 0x80 0x752f 0x0 0x0 0x7ffe79b7f678 0x43f6ae';
const EPOLL_FOREVER = '281 0x3 0x7ffe79b7f70c 0x80 0xffffffffffffffff 0x0 0x0 0x7ffe79b7f678 0x43f6ae';
const NANOSLEEP = '35 0x7f277b1fed88 0x0 0x0 0x0 0xc0000081e0 0xa 0x7f277b1fed88 0x4b1977';
const READ = '0 0x0 0xc000100000 0x1000 0x0 0x0 0x0 0x7ffd 0x4b1977';

describe('classifySyscall', () => {
  it('tells parked, sysmon-like, timer and active threads apart', () => {
    expect(classifySyscall(PARKED_FUTEX, 'x64')).toBe('parked');
    expect(classifySyscall(SYSMON, 'x64')).toBe('timed-futex');
    expect(classifySyscall(EPOLL_TIMER, 'x64')).toBe('timer');
    expect(classifySyscall(EPOLL_FOREVER, 'x64')).toBe('parked');
    expect(classifySyscall(EPOLL_FOREVER.replace('0xffffffffffffffff', '0xffffffff'), 'x64')).toBe('parked');
    expect(classifySyscall(NANOSLEEP, 'x64')).toBe('timer');
    expect(classifySyscall(READ, 'x64')).toBe('active');
    expect(classifySyscall('running', 'x64')).toBe('active');
    expect(classifySyscall('-1 0x7ffd 0x4b1977', 'x64')).toBe('active');
  });
  it('is conservative on unknown architectures', () => {
    expect(classifySyscall(PARKED_FUTEX, 'arm64')).toBe('active');
  });
});

describe('processLooksStuck', () => {
  it('allows parked threads plus one sysmon', () => {
    expect(processLooksStuck(['parked', 'timed-futex', 'parked'])).toBe(true);
    expect(processLooksStuck(['parked', 'timed-futex', 'timed-futex'])).toBe(false);
    expect(processLooksStuck(['parked', 'timer'])).toBe(false);
    expect(processLooksStuck(['parked', 'active'])).toBe(false);
  });
});

describe('StallDetector', () => {
  const rule = { windowMs: 1000, cpuSlackTicks: 2 };
  it('decides after a full quiet window, once', () => {
    const d = new StallDetector(rule);
    expect(d.observe({ atMs: 0, stuck: true, cpuTicks: 5 })).toBe(false);
    expect(d.observe({ atMs: 900, stuck: true, cpuTicks: 6 })).toBe(false);
    expect(d.observe({ atMs: 1000, stuck: true, cpuTicks: 7 })).toBe(true);
    expect(d.observe({ atMs: 2000, stuck: true, cpuTicks: 7 })).toBe(false);
    expect(d.stalled).toBe(true);
  });
  it('restarts the window on any sign of life or CPU use', () => {
    const d = new StallDetector(rule);
    d.observe({ atMs: 0, stuck: true, cpuTicks: 0 });
    expect(d.observe({ atMs: 600, stuck: false, cpuTicks: 0 })).toBe(false);
    d.observe({ atMs: 700, stuck: true, cpuTicks: 0 });
    expect(d.observe({ atMs: 1500, stuck: true, cpuTicks: 10 })).toBe(false); // busy in between
    expect(d.observe({ atMs: 2400, stuck: true, cpuTicks: 10 })).toBe(false);
    expect(d.observe({ atMs: 2500, stuck: true, cpuTicks: 10 })).toBe(true);
  });
});

describe('/proc helpers', () => {
  it('parses stat with a hostile command name', () => {
    expect(parseStat('42 (a) b (c) S 7 42 42 0 -1 4194560 100 0 0 0 13 4 0 0 20 0 5 0')).toEqual({
      ppid: 7,
      cpuTicks: 17,
    });
    expect(parseStat('garbage')).toBeNull();
  });
  it('finds the program below the launcher processes', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 12],
      [99, 1],
    ]);
    expect(descendantsAtDepth(10, parents, 2)).toEqual([12, 13]);
    expect(descendantsAtDepth(10, parents, 0)).toEqual([10, 11, 12, 13]);
  });
});
