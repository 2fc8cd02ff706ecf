/**
 * For the unit tests only (it reads files): a golden timeline of a real -race program from the
 * converter's testdata, with that program's source files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Timeline } from '../../contract/timeline.ts';
import type { Sources } from './model.ts';

const DATA = new URL('../../playground/trace-timeline/testdata/', import.meta.url);

/** A golden timeline of a real -race program and that program's files, as the converter's tests ran them. */
export function golden(name: string): { timeline: Timeline; sources: Sources } {
  const timeline = JSON.parse(readFileSync(new URL(`${name}.json`, DATA), 'utf8')) as Timeline;
  const dir = new URL(`programs/${name}/`, DATA);
  const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(new URL(f, dir), 'utf8')]));
  return { timeline, sources: { files } };
}
