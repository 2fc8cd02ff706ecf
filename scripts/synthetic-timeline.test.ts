import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { Timeline, type Span } from '../contract/timeline.ts';
import { buildModel } from '../components/timeline/model.ts';
import { syntheticTimeline, timelineEvents } from './synthetic-timeline.ts';

const check = Compile(Timeline);

/** The span of goroutine g that covers time t (start ≤ t < end, or the open one at the end), if any. */
function spanAt(timeline: Timeline, g: number, t: number): Span | undefined {
  return timeline.spans.find((s) => s.g === g && s.start <= t && (t < s.end || s.end === timeline.endNs));
}

describe('syntheticTimeline', () => {
  it.each([100, 1000, 5000])('has exactly %i events and passes the contract check', (events) => {
    const { timeline } = syntheticTimeline({ events });
    expect([...Value.Errors(Timeline, timeline)].map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    expect(check.Check(timeline)).toBe(true);
    expect(timelineEvents(timeline)).toBe(events);
  });

  it('has main and nineteen workers, and what a mutex program shows: waits with wakers, sleeps, regions', () => {
    const { timeline } = syntheticTimeline({ events: 1000 });
    expect(timeline.goroutines).toHaveLength(20);
    expect(new Set(timeline.spans.map((s) => s.g)).size).toBe(20);
    const mutexWaits = timeline.spans.filter((s) => s.reason === 'mutex');
    expect(mutexWaits.length).toBeGreaterThan(50);
    const woken = mutexWaits.filter((s) => s.wokenBy);
    // Every closed mutex wait was ended by an Unlock; only waits still open at the end lack one.
    expect(woken.length).toBe(mutexWaits.filter((s) => s.end < timeline.endNs).length);
    expect(timeline.spans.some((s) => s.reason === 'sleep' && !s.wokenBy)).toBe(true);
    expect(timeline.regions.length).toBeGreaterThan(100);
    expect(timeline.spans.find((s) => s.g === 1 && s.state === 'waiting')?.reason).toBe('waitgroup');
  });

  it('is a consistent run: spans in start order, none overlapping in a lane, each waker running and holding the lock', () => {
    const { timeline } = syntheticTimeline({ events: 5000, seed: 7 });
    const starts = timeline.spans.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const g of timeline.goroutines) {
      const lane = timeline.spans.filter((s) => s.g === g.id);
      for (let i = 1; i < lane.length; i++) expect(lane[i]!.start).toBeGreaterThanOrEqual(lane[i - 1]!.end);
    }
    for (const wait of timeline.spans.filter((s) => s.wokenBy)) {
      // The waker was running when it unlocked, inside its own "update" region.
      expect(spanAt(timeline, wait.wokenBy!.g, wait.end)?.state).toBe('running');
      const region = timeline.regions.find(
        (r) => r.g === wait.wokenBy!.g && r.start! <= wait.end && (r.end === null || wait.end <= r.end),
      );
      expect(region?.type).toBe('update');
    }
    for (const span of timeline.spans) expect(span.end).toBeLessThanOrEqual(timeline.endNs);
  });

  it("names the program's own lines, so the view ties waits and wakes to mu.Lock() and mu.Unlock()", () => {
    const { timeline, files } = syntheticTimeline({ events: 1000 });
    const model = buildModel(timeline, { files });
    const wait = model.spans.find((s) => s.reason === 'mutex' && s.wake)!;
    expect(wait.call).toBe('mu.Lock()');
    expect(wait.wake?.call).toBe('mu.Unlock()');
    expect(wait.wake?.drawn).toBe(true);
    expect(
      model.lanes[1]!.created && files['main.go']!.split('\n')[model.lanes[1]!.created.line - 1],
    ).toContain('go worker(');
  });

  it('is the same for the same seed and differs for another', () => {
    const a = syntheticTimeline({ events: 1000, seed: 3 });
    expect(syntheticTimeline({ events: 1000, seed: 3 })).toEqual(a);
    expect(syntheticTimeline({ events: 1000, seed: 4 }).timeline).not.toEqual(a.timeline);
  });

  it('refuses sizes it cannot make', () => {
    expect(() => syntheticTimeline({ events: 10 })).toThrow(/events must be/);
    expect(() => syntheticTimeline({ events: 1000, goroutines: 1 })).toThrow(/goroutines/);
    expect(() => syntheticTimeline({ events: 100.5 })).toThrow(/events must be/);
  });
});

describe('timelineEvents', () => {
  it('counts spans, region and task starts and ends seen, logs, and both ends of a GC phase', () => {
    const { timeline } = syntheticTimeline({ events: 100 });
    const base = timelineEvents(timeline);
    expect(
      timelineEvents({
        ...timeline,
        regions: [...timeline.regions, { g: 1, type: 'x', task: 0, start: null, end: 5 }],
        tasks: [{ id: 1, parent: 0, type: 't', start: 1, end: null }],
        logs: [{ g: 1, task: 1, category: 'c', message: 'm', t: 2 }],
        gc: [{ kind: 'mark', start: 1, end: 3 }],
      }),
    ).toBe(base + 1 + 1 + 1 + 2);
  });
});
