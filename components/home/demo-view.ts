/**
 * Decides what the home page's demo draws: each line of the program, highlighted, with the
 * accesses of the captured race report (and where the racing goroutine was created) attached to
 * the lines the report names. Pure: the Astro component turns this into HTML with the page's words.
 */
import type { Race } from '../../contract/run.ts';
import { userFrame } from '../playground/annotations.ts';
import { tokenizeGo, type Token } from './go-tokens.ts';

/** The race detector names the main goroutine "main goroutine"; the parser gives it id 0. */
export const MAIN_GOROUTINE = 0;

export type DemoMark =
  | { kind: 'race-current' | 'race-previous'; op: 'read' | 'write'; goroutine: number; n: number }
  | { kind: 'created'; goroutine: number };

export interface DemoLine {
  line: number;
  tokens: Token[];
  marks: DemoMark[];
}

/** Returns the program's lines with the report's marks; only the first race is drawn. */
export function demoLines(source: string, file: string, races: Race[]): DemoLine[] {
  const lines = source.replace(/\n$/, '').split('\n');
  const marks = new Map<number, DemoMark[]>();
  const add = (line: number | undefined, mark: DemoMark) => {
    if (line === undefined) return;
    marks.set(line, [...(marks.get(line) ?? []), mark]);
  };
  const files = new Set([file]);
  const race = races[0];
  race?.accesses.slice(0, 2).forEach((access, i) => {
    add(userFrame(access.stack, files)?.line, {
      kind: i === 0 ? 'race-current' : 'race-previous',
      op: access.op,
      goroutine: access.goroutine,
      n: i + 1,
    });
  });
  for (const g of race?.goroutines ?? []) {
    add(userFrame(g.createdAt, files)?.line, { kind: 'created', goroutine: g.id });
  }
  return lines.map((text, i) => ({ line: i + 1, tokens: tokenizeGo(text), marks: marks.get(i + 1) ?? [] }));
}

/** Returns the race report as the race detector printed it, without the run's other output. */
export function reportText(stderr: string): string {
  const start = stderr.indexOf('==================');
  const end = stderr.lastIndexOf('==================');
  if (start < 0 || end <= start) return stderr.trim();
  return stderr.slice(start, end + '=================='.length);
}
