import { describe, expect, test } from 'vitest';
import type { Timeline } from '../../contract/timeline.ts';
import { golden } from './golden-fixture.ts';
import { USER_ITEMS_MAX, userMarks } from './user-marks.ts';
import { say } from './words.ts';

const words = (locale: 'en' | 'zh-cn', marks: ReturnType<typeof userMarks>) =>
  marks.groups.map((g) => ({
    head: g.head ? say(locale, g.head) : null,
    items: g.items.map((i) => say(locale, i)),
  }));

describe('tasks, regions and logs of a real program (annotations.json)', () => {
  const { timeline } = golden('annotations');
  const marks = userMarks(timeline);

  test('each task with its regions and logs in time order; a child task names its parent', () => {
    expect(marks.more).toBe(0);
    expect(words('en', marks)).toEqual([
      {
        head: 'Task 1 “makeCoffee”, 2 ns to 25 ns (23 ns)',
        items: [
          'G1 at 3 ns: log orderID: “42”',
          'G1: region “extract”, 5 ns to 16 ns (11 ns)',
          'G1: region “grind”, 6 ns to 14 ns (8 ns)',
          'G1 at 15 ns: log shots: “2”',
        ],
      },
      {
        head: 'Task 2 “steamMilk”, inside task 1, 9 ns to 21 ns (12 ns)',
        items: ['G2: region “steam”, 10 ns to 20 ns (10 ns)'],
      },
    ]);
  });

  test('the same facts in 简体中文', () => {
    const [first, second] = words('zh-cn', marks);
    expect(first!.head).toBe('任务 1“makeCoffee”，2 纳秒 到 25 纳秒（23 纳秒）');
    expect(first!.items[0]).toBe('G1 在 3 纳秒：日志 orderID：“42”');
    expect(second!.head).toBe('任务 2“steamMilk”，属于任务 1，9 纳秒 到 21 纳秒（12 纳秒）');
  });
});

describe('ends outside the trace, no task, and the cap', () => {
  const base: Pick<Timeline, 'tasks' | 'regions' | 'logs'> = { tasks: [], regions: [], logs: [] };

  test('a task begun before the trace has no name; open ends say so; no task is its own group', () => {
    const marks = userMarks({
      tasks: [{ id: 7, parent: 0, type: '', start: null, end: 40 }],
      regions: [
        { g: 3, type: 'io', task: 7, start: 10, end: null },
        { g: 4, type: 'init', task: 0, start: null, end: null },
      ],
      logs: [{ g: 4, task: 0, category: '', message: 'ready', t: 5 }],
    });
    expect(words('en', marks)).toEqual([
      {
        head: 'Task 7, from before the trace to 40 ns',
        items: ['G3: region “io”, from 10 ns until the trace ended'],
      },
      { head: null, items: ['G4: region “init”, for the whole trace', 'G4 at 5 ns: log “ready”'] },
    ]);
  });

  test('a region of a task the trace does not list goes with those outside any task', () => {
    const marks = userMarks({ ...base, regions: [{ g: 1, type: 'r', task: 9, start: 1, end: 2 }] });
    expect(marks.groups).toHaveLength(1);
    expect(marks.groups[0]!.head).toBeNull();
  });

  test('beyond the cap, tasks, regions and logs are counted, not listed', () => {
    const tasks = Array.from({ length: 100 }, (_, i) => ({
      id: i + 1,
      parent: 0,
      type: 'req',
      start: i * 10,
      end: i * 10 + 5,
    }));
    const regions = tasks.map((task) => ({
      g: 1,
      type: 'work',
      task: task.id,
      start: task.start,
      end: task.end,
    }));
    const marks = userMarks({ ...base, tasks, regions });
    const listed = marks.groups.reduce((n, g) => n + 1 + g.items.length, 0);
    expect(listed).toBe(USER_ITEMS_MAX);
    expect(listed + marks.more).toBe(200);
  });

  test('no annotations, no groups', () => {
    expect(userMarks(base)).toEqual({ groups: [], more: 0 });
  });
});
