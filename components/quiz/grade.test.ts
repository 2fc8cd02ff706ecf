import { describe, expect, test } from 'vitest';
import { grade, isEmptyResponse, move, normaliseOutput, type GradableQuestion } from './grade.ts';
import { paragraphs, plainText, segments } from './inline.ts';

const choice: GradableQuestion = { id: 'c', kind: 'choice', answer: 'b' };
const multi: GradableQuestion = { id: 'm', kind: 'multi', answer: ['a', 'c'] };
const output: GradableQuestion = { id: 'o', kind: 'output', answer: '5 5\n-3 13' };
const order: GradableQuestion = { id: 'r', kind: 'order', answer: ['x', 'y', 'z'] };

describe('grade', () => {
  test('choice: exactly the answer', () => {
    expect(grade(choice, ['b'])).toBe(true);
    expect(grade(choice, 'b')).toBe(true);
    expect(grade(choice, ['a'])).toBe(false);
    expect(grade(choice, ['a', 'b'])).toBe(false);
    expect(grade(choice, [])).toBe(false);
  });

  test('multi: the same set, in any order', () => {
    expect(grade(multi, ['c', 'a'])).toBe(true);
    expect(grade(multi, ['a'])).toBe(false);
    expect(grade(multi, ['a', 'b', 'c'])).toBe(false);
    expect(grade(multi, ['a', 'a'])).toBe(false);
  });

  test('output: trailing whitespace per line and at the end is ignored, leading spaces are not', () => {
    expect(grade(output, '5 5\n-3 13')).toBe(true);
    expect(grade(output, '5 5   \r\n-3 13\n\n  \n')).toBe(true);
    expect(grade(output, ' 5 5\n-3 13')).toBe(false);
    expect(grade(output, '5 5\n\n-3 13')).toBe(false);
    expect(grade(output, '5 5')).toBe(false);
    expect(grade(output, ['5 5\n-3 13'])).toBe(false);
  });

  test('order: the exact sequence', () => {
    expect(grade(order, ['x', 'y', 'z'])).toBe(true);
    expect(grade(order, ['y', 'x', 'z'])).toBe(false);
    expect(grade(order, ['x', 'y'])).toBe(false);
  });

  test('empty responses are not graded', () => {
    expect(isEmptyResponse('choice', [])).toBe(true);
    expect(isEmptyResponse('multi', ['a'])).toBe(false);
    expect(isEmptyResponse('output', ' \n\t\n')).toBe(true);
    expect(isEmptyResponse('output', 'x')).toBe(false);
    expect(isEmptyResponse('order', ['x'])).toBe(false);
  });
});

describe('normaliseOutput', () => {
  test('keeps inner blank lines and leading indentation', () => {
    expect(normaliseOutput('a \n\n  b\t\n\n')).toBe('a\n\n  b');
  });
});

describe('move', () => {
  test('moves up and down, clamped at the ends, without changing the input', () => {
    const list = ['a', 'b', 'c'];
    expect(move(list, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(list, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(move(list, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(list, 2, 1)).toEqual(['a', 'b', 'c']);
    expect(move(list, 5, 1)).toEqual(['a', 'b', 'c']);
    expect(list).toEqual(['a', 'b', 'c']);
  });
});

describe('inline text', () => {
  test('backticks become code segments', () => {
    expect(segments('bits `state>>3` count')).toEqual([
      { code: false, text: 'bits ' },
      { code: true, text: 'state>>3' },
      { code: false, text: ' count' },
    ]);
    expect(segments('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
    expect(plainText('call `Unlock` twice')).toBe('call Unlock twice');
  });

  test('paragraphs split at blank lines', () => {
    expect(paragraphs('one\nline\n\n two \n\n\n')).toEqual(['one\nline', 'two']);
  });
});
