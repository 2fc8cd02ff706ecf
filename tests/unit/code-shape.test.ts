/**
 * The house rules issue #16 set, kept: no import cycle, no file over 300 lines, no function over 80
 * lines in the project's own TypeScript, and no browser code reaching into the server's folder.
 * `npm run report:code-shape` prints the same measures with the places.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureRepo } from '../../scripts/code-shape-repo.ts';

const shape = measureRepo(resolve(import.meta.dirname, '../..'));

describe('code shape', () => {
  it('measures the project (a few hundred files, so a wrong root cannot pass as clean)', () => {
    expect(shape.files).toBeGreaterThan(300);
  });
  it('has no import cycle', () => expect(shape.cycles).toEqual([]));
  it('has no file over 300 lines', () => expect(shape.bigFiles).toEqual([]));
  it('has no function over 80 lines', () =>
    expect(shape.longFunctions.map((f) => `${f.file}:${f.line} ${f.name} (${f.lines})`)).toEqual([]));
  it('has no browser import into playground/', () => expect(shape.browserIntoServer).toEqual([]));
});
