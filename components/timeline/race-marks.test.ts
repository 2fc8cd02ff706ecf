import { describe, expect, test } from 'vitest';
import type { Race } from '../../contract/run.ts';
import { golden } from './golden-fixture.ts';
import { buildModel } from './model.ts';
import { raceMarkPhrase, raceMarks } from './race-marks.ts';
import { say } from './words.ts';

const frame = (func: string, line: number) => ({ func, file: 'main.go', line });

describe('race accesses on the lanes: the report numbers goroutines its own way', () => {
  test('matched by the go statement and the start function, never by the report’s number', () => {
    // channels: main.sender was started at main.go:14 and is G-something in the trace; the report calls it 14.
    const { timeline, sources } = golden('channels');
    const model = buildModel(timeline, sources);
    const sender = timeline.goroutines.find((g) => g.startFunc === 'main.sender')!;
    const race: Race = {
      accesses: [
        // `go sender(…)` starts the compiler's wrapper, main.main.gowrap1; the trace names main.sender.
        { op: 'write', goroutine: 14, stack: [frame('main.sender', 30), frame('main.main.gowrap1', 14)] },
        { op: 'read', goroutine: 0, stack: [frame('main.main', 22)] },
      ],
      goroutines: [{ id: 14, createdAt: [frame('main.main', 14)] }],
    };
    const [write, read] = raceMarks(model, [race]);
    expect(sender.id).not.toBe(14);
    expect(write).toMatchObject({ reportG: 14, g: sender.id, candidates: [sender.id] });
    const lane = model.lanes.find((l) => l.g === sender.id)!;
    expect(write!.from).toBe(lane.spans[0]!.start);
    expect(write!.to).toBe(lane.spans.at(-1)!.end);
    expect(say('en', raceMarkPhrase(write!))).toBe(
      `Race: write by G${sender.id} (goroutine 14 in the race report) at main.go:30`,
    );
    expect(say('zh-cn', raceMarkPhrase(write!))).toBe(
      `竞争：G${sender.id}（即竞争报告中的 goroutine 14）在 main.go:30 写入`,
    );
    // The report's main goroutine (0) is the trace's goroutine that runs main.main.
    expect(read).toMatchObject({ reportG: 0, g: 1 });
    expect(say('en', raceMarkPhrase(read!))).toBe(
      'Race: read by G1 (the main goroutine in the race report) at main.go:22',
    );
  });

  test('several goroutines from one go statement: the mark names them all and guesses none', () => {
    const { timeline, sources } = golden('mutex'); // three workers started at main.go:17
    const model = buildModel(timeline, sources);
    const [mark] = raceMarks(model, [
      {
        accesses: [{ op: 'write', goroutine: 9, stack: [frame('main.worker', 27)] }],
        goroutines: [{ id: 9, createdAt: [frame('main.main', 17)] }],
      },
    ]);
    expect(mark).toMatchObject({ g: null, candidates: [2, 3, 4] });
    expect(say('en', raceMarkPhrase(mark!))).toBe(
      'Race: write at main.go:27 by goroutine 9 of the race report: one of G2, G3, G4, all started at main.go:17 with the same function; the trace cannot tell which.',
    );
    expect(say('zh-cn', raceMarkPhrase(mark!))).toContain('G2, G3, G4 之一');
  });

  test('a goroutine the trace never saw is said so', () => {
    const { timeline, sources } = golden('mutex');
    const [mark] = raceMarks(buildModel(timeline, sources), [
      {
        accesses: [{ op: 'read', goroutine: 5, stack: [frame('main.elsewhere', 40)] }],
        goroutines: [{ id: 5, createdAt: [frame('main.main', 99)] }],
      },
    ]);
    expect(mark).toMatchObject({ g: null, candidates: [] });
    expect(say('en', raceMarkPhrase(mark!))).toBe(
      'The race report’s goroutine 5 is not in the trace (it ended before the trace began).',
    );
  });
});
