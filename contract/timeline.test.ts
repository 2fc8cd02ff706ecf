import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import {
  SPAN_STATES,
  Timeline,
  TIMELINE_CUTS,
  TIMELINE_ERRORS,
  TIMELINE_VERSION,
  WAIT_REASONS,
} from './timeline.ts';

const MODULE = join(import.meta.dirname, '../playground/trace-timeline');
const TESTDATA = join(MODULE, 'testdata');
const goldens = readdirSync(TESTDATA)
  .filter((name) => name.endsWith('.json') && name !== 'capture.json')
  .sort();

/** The string constants `Name = "value"` of a Go file whose names start with prefix. */
function goConstants(file: string, prefix: string): string[] {
  const source = readFileSync(join(MODULE, 'timeline', file), 'utf8');
  return [...source.matchAll(new RegExp(`^\\s*${prefix}\\w*\\s*=\\s*"([^"]*)"`, 'gm'))].map((m) => m[1]!);
}

describe('the timeline schema', () => {
  it('has golden files to check', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(8);
  });

  it.each(goldens)('validates the converter golden file %s', (name) => {
    const timeline: unknown = JSON.parse(readFileSync(join(TESTDATA, name), 'utf8'));
    const errors = [...Value.Errors(Timeline, timeline)].map((e) => `${e.instancePath} ${e.message}`);
    expect(errors).toEqual([]);
  });

  it('rejects what the converter never writes', () => {
    const timeline = JSON.parse(readFileSync(join(TESTDATA, goldens[0]!), 'utf8')) as Timeline;
    const span = timeline.spans.find((s) => s.state === 'waiting')!;
    expect(Value.Check(Timeline, { ...timeline, spans: [{ ...span, reason: 'spinning' }] })).toBe(false);
    expect(Value.Check(Timeline, { ...timeline, spans: [{ ...span, extra: 1 }] })).toBe(false);
    expect(Value.Check(Timeline, { ...timeline, truncated: { afterEvents: 3 } })).toBe(false);
    expect(Value.Check(Timeline, { ...timeline, version: TIMELINE_VERSION + 1 })).toBe(false);
  });

  it('has the same codes as the Go converter', () => {
    expect(new Set(goConstants('reason.go', 'Reason'))).toEqual(new Set(WAIT_REASONS));
    expect(new Set(goConstants('timeline.go', 'State'))).toEqual(new Set(SPAN_STATES));
    expect(new Set(goConstants('timeline.go', 'Cut'))).toEqual(new Set(TIMELINE_CUTS));
    expect(new Set(goConstants('convert.go', 'Err'))).toEqual(new Set(TIMELINE_ERRORS));
    const version = /const Version = (\d+)/.exec(readFileSync(join(MODULE, 'timeline/timeline.go'), 'utf8'));
    expect(Number(version?.[1])).toBe(TIMELINE_VERSION);
  });
});
