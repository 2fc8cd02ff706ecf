import { describe, expect, test } from 'vitest';
import { decodeLink, encodeLink, isError, parseDoc, toJson, validateDoc, type SandboxDoc } from './format.ts';

const doc: SandboxDoc = {
  goroutines: [['mu.Lock', 'x.inc', 'mu.Unlock'], ['x.inc'], []],
  level: { win: { kind: 'lostUpdate' }, goal: 'Lose an update — 丢失一次更新' },
};

describe('the sandbox format', () => {
  test('JSON export and import round-trip, level included', () => {
    expect(parseDoc(JSON.stringify(toJson(doc)))).toEqual(doc);
    expect(parseDoc(JSON.stringify(toJson({ goroutines: doc.goroutines })))).toEqual({
      goroutines: doc.goroutines,
    });
  });

  test('a share link round-trips through base64url, non-ASCII goal included', () => {
    const frag = encodeLink(doc);
    expect(frag).toMatch(/^s=[A-Za-z0-9_-]+$/);
    expect(decodeLink(`#${frag}`)).toEqual(doc);
  });

  test('a fragment that is not a sandbox link is ignored; a damaged one is an error', () => {
    expect(decodeLink('#viz=mutex-starvation@3')).toBeNull();
    expect(decodeLink('')).toBeNull();
    expect(decodeLink('#s=eyJmb3Jt')).toEqual({ code: 'link' });
    expect(decodeLink('#s=e')).toEqual({ code: 'link' });
  });

  test.each([
    ['not JSON', '{goroutines:', { code: 'json' }],
    ['other JSON', '{"id":"mutex-starvation"}', { code: 'format' }],
    [
      'a later version',
      '{"format":"lockstep-sandbox","version":2,"goroutines":[[],[]]}',
      { code: 'version', params: { version: '2' } },
    ],
    [
      'one goroutine',
      '{"format":"lockstep-sandbox","version":1,"goroutines":[["x.inc"]]}',
      { code: 'goroutines', params: { min: 2, max: 4 } },
    ],
    [
      'five goroutines',
      '{"format":"lockstep-sandbox","version":1,"goroutines":[[],[],[],[],[]]}',
      { code: 'goroutines', params: { min: 2, max: 4 } },
    ],
    [
      'too many ops',
      `{"format":"lockstep-sandbox","version":1,"goroutines":[[],${JSON.stringify(Array(9).fill('work'))}]}`,
      { code: 'ops', params: { g: 'G2', max: 8 } },
    ],
    [
      'an unknown op',
      '{"format":"lockstep-sandbox","version":1,"goroutines":[["x.inc","mu.Lokc"],[]]}',
      { code: 'op', params: { g: 'G1', n: 2, op: 'mu.Lokc' } },
    ],
    [
      'a prototype key as an op',
      '{"format":"lockstep-sandbox","version":1,"goroutines":[["toString"],[]]}',
      { code: 'op', params: { g: 'G1', n: 1, op: 'toString' } },
    ],
    [
      'an unknown win',
      '{"format":"lockstep-sandbox","version":1,"goroutines":[[],[]],"level":{"win":{"kind":"starving"},"goal":"g"}}',
      { code: 'level' },
    ],
    [
      'a fatal win without its message',
      '{"format":"lockstep-sandbox","version":1,"goroutines":[[],[]],"level":{"win":{"kind":"fatal"},"goal":"g"}}',
      { code: 'level' },
    ],
    [
      'an empty goal',
      '{"format":"lockstep-sandbox","version":1,"goroutines":[[],[]],"level":{"win":{"kind":"race"},"goal":"  "}}',
      { code: 'goal', params: { max: 300 } },
    ],
  ])('refuses %s with a code and its facts', (_, text, error) => {
    const r = parseDoc(text);
    expect(isError(r)).toBe(true);
    expect(r).toEqual(error);
  });

  test('validateDoc takes parsed values too (a file read by the page)', () => {
    expect(validateDoc(null)).toEqual({ code: 'format' });
    expect(validateDoc([1])).toEqual({ code: 'format' });
  });
});
