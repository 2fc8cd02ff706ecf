/**
 * Every quiz in content/quizzes is valid and fair: one file per chapter with at least three
 * questions, ids unique across the course, answers that name real options, both languages written,
 * cited Go sources that exist, and every predict-the-output program really printing its answer
 * (run with `go run -race`, so a racy or scheduling-dependent program fails here too).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { grade, normaliseOutput } from '../../components/quiz/grade.ts';
import { loadQuizFiles, validateQuizFile } from '../../components/quiz/load.ts';
import type { QuizQuestion, QuizText } from '../../components/quiz/schema.ts';

const run = promisify(execFile);
const quizzes = loadQuizFiles('content/quizzes');
const questions = quizzes.flatMap((q) => q.questions);
const CJK = /[\u4e00-\u9fff]/;

/** The ten chapters: content/docs/{locks,maps}/*.mdx. */
const chapters = ['locks', 'maps'].flatMap((part) =>
  readdirSync(join('content/docs', part))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => `${part}/${f.replace(/\.mdx$/, '')}`),
);

describe('quiz files', () => {
  test('every chapter has a quiz of at least three questions, and every quiz belongs to a chapter', () => {
    expect(chapters).toHaveLength(10);
    expect(quizzes.map((q) => q.chapter).sort()).toEqual([...chapters].sort());
    for (const q of quizzes) expect(q.questions.length, q.file).toBeGreaterThanOrEqual(3);
  });

  test('question ids are unique across the course', () => {
    const ids = questions.map((q) => q.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test('every kind of question is used', () => {
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(['choice', 'multi', 'output', 'order']));
  });

  test('answers name existing options or items, and the declared answer grades as correct', () => {
    for (const q of questions) {
      const ids = (q.kind === 'order' ? q.items : q.options)?.map((o) => o.id) ?? [];
      const answers = typeof q.answer === 'string' ? [q.answer] : q.answer;
      if (q.kind !== 'output') for (const a of answers) expect(ids, `${q.id} answer ${a}`).toContain(a);
      if (q.kind === 'order') expect([...answers].sort(), q.id).toEqual([...ids].sort());
      expect(grade(q, q.answer), q.id).toBe(true);
    }
  });

  test('multiple-answer questions have at least one wrong option, order questions do not start solved', () => {
    for (const q of questions.filter((x) => x.kind === 'multi'))
      expect((q.answer as string[]).length, q.id).toBeLessThan(q.options!.length);
    for (const q of questions.filter((x) => x.kind === 'order'))
      expect(
        q.items!.map((i) => i.id),
        q.id,
      ).not.toEqual(q.answer);
  });

  test('both languages are written: English prose has no Chinese, 简体中文 prose is Chinese', () => {
    const texts = (q: QuizQuestion): [string, QuizText][] => [
      [`${q.id} prompt`, q.prompt],
      [`${q.id} explanation`, q.explanation],
      ...[...(q.options ?? []), ...(q.items ?? [])].map((o): [string, QuizText] => [
        `${q.id} ${o.id}`,
        o.text,
      ]),
    ];
    for (const q of questions) {
      for (const [where, text] of texts(q)) {
        expect(text.en.trim(), where).not.toBe('');
        expect(text['zh-cn'].trim(), where).not.toBe('');
        expect(text.en, where).not.toMatch(CJK);
      }
      expect(q.prompt['zh-cn'], q.id).toMatch(CJK);
      expect(q.explanation['zh-cn'], q.id).toMatch(CJK);
    }
  });

  test('cited Go sources exist in the installed Go tree', async () => {
    const { stdout } = await run('go', ['env', 'GOROOT']);
    const goroot = stdout.trim();
    for (const q of questions.filter((x) => x.source))
      expect(existsSync(join(goroot, q.source!)), `${q.id}: ${q.source}`).toBe(true);
  });
});

describe('the loader names the file and field of a mistake', () => {
  const base = {
    id: 'x-one',
    kind: 'choice',
    prompt: { en: 'P', 'zh-cn': '题' },
    options: [
      { id: 'a', text: { en: 'A', 'zh-cn': '甲' } },
      { id: 'b', text: { en: 'B', 'zh-cn': '乙' } },
    ],
    answer: 'a',
    explanation: { en: 'E', 'zh-cn': '解' },
  };
  const bad = (patch: object) => () =>
    validateQuizFile('quizzes/x.json', [base, { ...base, id: 'x-two', ...patch }]);

  test.each([
    [{ prompt: { en: 'P' } }, /^quizzes\/x\.json: \/1\/prompt/],
    [{ answer: 'c' }, /^quizzes\/x\.json: \/1\/answer names no option \(c\)/],
    [{ kind: 'multi' }, /^quizzes\/x\.json: \/1\/answer must be a list of ids/],
    [{ kind: 'output' }, /^quizzes\/x\.json: \/1\/options is not used by a output question/],
    [
      { kind: 'order', items: base.options, options: undefined, answer: ['a', 'b'] },
      /\/1\/items are already in/,
    ],
    [{ id: 'Not Kebab' }, /^quizzes\/x\.json: \/1\/id/],
    [{ source: 'runtime/proc.go' }, /^quizzes\/x\.json: \/1\/source/],
  ])('%j', (patch, message) => {
    expect(bad(patch)).toThrow(message);
  });
});

describe('predict-the-output programs print their answer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-quiz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const outputs = questions.filter((q) => q.kind === 'output');

  test('there are some', () => {
    expect(outputs.length).toBeGreaterThanOrEqual(10);
  });

  test.each(outputs.map((q) => [q.id, q] as const))(
    '%s',
    async (id, q) => {
      const folder = join(dir, id);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'go.mod'), 'module quiz\n\ngo 1.24\n');
      writeFileSync(join(folder, 'main.go'), q.code!);
      // -race: a program whose output depends on a race must not be a quiz question.
      // atexit_sleep_ms=0: race binaries otherwise sleep a second before exiting.
      const { stdout, stderr } = await run('go', ['run', '-race', '.'], {
        cwd: folder,
        timeout: 90_000,
        env: { ...process.env, GOFLAGS: '-mod=mod', GORACE: 'atexit_sleep_ms=0', GOTOOLCHAIN: 'local' },
      });
      expect(stderr, `${id} wrote to stderr`).toBe('');
      expect(normaliseOutput(stdout)).toBe(normaliseOutput(q.answer as string));
    },
    120_000,
  );
});
