/**
 * Loads content/quizzes/<part>/<chapter>.json at build time: the TypeBox schema first, then the
 * rules a schema cannot express (answers that name existing options, an order question that does
 * not start solved, ids unique across the course). Every error names the file and the field,
 * e.g. `content/quizzes/locks/x.json: /2/answer names no option (e)`.
 * N.B. Node-only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Value } from 'typebox/value';
import { QuizFile, type QuizQuestion } from './schema.ts';

/** A chapter's validated questions and where they came from. */
export interface LoadedQuiz {
  /** "locks/production-lockup": the chapter's path below content/docs. */
  chapter: string;
  file: string;
  questions: QuizQuestion[];
}

function fail(file: string, field: string, message: string): never {
  throw new Error(`${file}: ${field} ${message}`);
}

function checkQuestion(file: string, q: QuizQuestion, at: string): void {
  const listName = q.kind === 'order' ? 'items' : 'options';
  const unused = q.kind === 'output' ? ['options', 'items'] : q.kind === 'order' ? ['options'] : ['items'];
  for (const key of unused as ('options' | 'items')[])
    if (q[key] !== undefined) fail(file, `${at}/${key}`, `is not used by a ${q.kind} question`);
  if (q.kind === 'output') {
    if (!q.code) fail(file, `${at}/code`, 'is required for an output question');
    if (typeof q.answer !== 'string') fail(file, `${at}/answer`, 'must be the exact output (a string)');
    return;
  }
  const list = q[listName];
  if (!list) return fail(file, `${at}/${listName}`, `is required for a ${q.kind} question`);
  const ids = list.map((o) => o.id);
  ids.forEach((x, i) => {
    if (ids.indexOf(x) !== i) fail(file, `${at}/${listName}/${i}/id`, `repeats "${x}"`);
  });
  const answers = typeof q.answer === 'string' ? [q.answer] : q.answer;
  if (q.kind === 'choice' && typeof q.answer !== 'string')
    fail(file, `${at}/answer`, 'must be one option id');
  if (q.kind !== 'choice' && typeof q.answer === 'string')
    fail(file, `${at}/answer`, 'must be a list of ids');
  answers.forEach((a, i) => {
    const field = typeof q.answer === 'string' ? `${at}/answer` : `${at}/answer/${i}`;
    if (!ids.includes(a)) fail(file, field, `names no ${q.kind === 'order' ? 'item' : 'option'} (${a})`);
    if (answers.indexOf(a) !== i) fail(file, field, `repeats "${a}"`);
  });
  if (q.kind === 'order') {
    if (answers.length !== ids.length) fail(file, `${at}/answer`, 'must list every item exactly once');
    if (answers.every((a, i) => a === ids[i]))
      fail(file, `${at}/items`, 'are already in the correct order; list them shuffled');
  }
}

/** Validates one parsed file; throws a message naming the file and field. */
export function validateQuizFile(file: string, raw: unknown): QuizQuestion[] {
  const problem = [...Value.Errors(QuizFile, raw)][0];
  if (problem) fail(file, problem.instancePath || '(root)', problem.message);
  const questions = raw as QuizQuestion[];
  questions.forEach((q, i) => checkQuestion(file, q, `/${i}`));
  return questions;
}

/** Reads and validates every quiz file below dir; question ids must be unique across all of them. */
export function loadQuizFiles(dir = 'content/quizzes'): LoadedQuiz[] {
  if (!existsSync(dir)) return [];
  const out: LoadedQuiz[] = [];
  const seen = new Map<string, string>();
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.json'))
    .map((d) => join(d.parentPath, d.name))
    .sort();
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
    }
    const questions = validateQuizFile(file, raw);
    questions.forEach((q, i) => {
      const before = seen.get(q.id);
      if (before) fail(file, `/${i}/id`, `"${q.id}" is already used in ${before}`);
      seen.set(q.id, file);
    });
    out.push({
      chapter: relative(dir, file)
        .replace(/\.json$/, '')
        .split('\\')
        .join('/'),
      file,
      questions,
    });
  }
  return out;
}
