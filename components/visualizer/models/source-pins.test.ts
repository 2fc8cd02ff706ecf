/**
 * Issue #19 §6: the Go sources each model follows are pinned (source-pins.json, sha256 per Go minor).
 * This hashes them in the Go on PATH: when a file changed, or this Go minor is not pinned, it fails
 * and names the models to re-check and the files. After re-checking: npm run pin:go-sources.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { goMinor, staleModels, type PinsFile } from '../../../scripts/conformance/pins.ts';
import { SCENARIO_MODELS } from './ids.ts';

const pins = JSON.parse(readFileSync(join(import.meta.dirname, 'source-pins.json'), 'utf8')) as PinsFile;
const go = (...args: string[]) => execFileSync('go', args, { encoding: 'utf8' }).trim();
const src = join(go('env', 'GOROOT'), 'src');
const version = go('env', 'GOVERSION');
const read = (p: string) => (existsSync(join(src, p)) ? readFileSync(join(src, p), 'utf8') : null);

describe('Go source pins', () => {
  test('every model, and the channel, Cond and Once models being added, has an entry', () => {
    for (const id of [...SCENARIO_MODELS, 'chan', 'cond', 'once'])
      expect(Object.keys(pins.models)).toContain(id);
  });

  test('Go 1.24, 1.25 and 1.26 are pinned', () => {
    expect(Object.keys(pins.pinnedFrom)).toEqual(expect.arrayContaining(['1.24', '1.25', '1.26']));
  });

  test(`the Go on PATH (${version}) has the sources the models were checked against`, () => {
    expect(staleModels(pins, goMinor(version), read)).toEqual([]);
  });
});
