import { describe, expect, test } from 'vitest';
import { parseFenceMeta, parseMetaPairs } from './meta.ts';

describe('fence meta', () => {
  test('reads quoted, bare and flag values', () => {
    expect([...parseMetaPairs('expect=race title="Lost update on counter++" readonly height=12')]).toEqual([
      ['expect', 'race'],
      ['title', 'Lost update on counter++'],
      ['readonly', true],
      ['height', '12'],
    ]);
  });

  test('defaults: run main.go with the race detector', () => {
    expect(parseFenceMeta('')).toEqual({
      expect: undefined,
      action: 'run',
      title: undefined,
      file: 'main.go',
      height: undefined,
      readonly: false,
      norace: false,
      go: undefined,
    });
    expect(parseFenceMeta('action=test expect=test_failed').file).toBe('main_test.go');
    expect(parseFenceMeta('expect=deadlock norace').norace).toBe(true);
  });

  test('bad values are refused with the key named', () => {
    expect(() => parseFenceMeta('expect=crash')).toThrow(/expect=crash/);
    expect(() => parseFenceMeta('action=bench')).toThrow(/action/);
    expect(() => parseFenceMeta('height=tall')).toThrow(/height/);
    expect(() => parseFenceMeta('file=../x.go')).toThrow(/file/);
    expect(() => parseFenceMeta('go=1.25.1')).toThrow(/go=1\.25\.1/);
    expect(() => parseFenceMeta('go=go1.25')).toThrow(/go=go1\.25/);
    expect(() => parseFenceMeta('expect=ok go')).toThrow(/go=true/);
  });

  test('go= declares the oldest Go that builds the example', () => {
    expect(parseFenceMeta('action=test expect=ok go=1.25').go).toBe('1.25');
    expect(parseFenceMeta('expect=ok').go).toBeUndefined();
  });
});
