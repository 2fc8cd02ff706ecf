/**
 * Grading of quiz answers, shared by the browser element and the tests. Pure functions only.
 * N.B. IMPORTED BY BROWSER CODE.
 */

/** The four kinds of question. */
export type QuizKind = 'choice' | 'multi' | 'output' | 'order';

/** What the browser needs to grade a question (the texts stay in the server-rendered HTML). */
export interface GradableQuestion {
  id: string;
  kind: QuizKind;
  /** choice: an option id; multi: option ids; output: the exact output; order: item ids in order. */
  answer: string | string[];
}

/** A learner's response: the chosen option ids, the typed output, or the item ids as arranged. */
export type QuizResponse = string[] | string;

/**
 * Normalises program output for comparison: CRLF to LF, no trailing whitespace on any line, no
 * trailing blank lines. Leading spaces are kept, since they can be part of what a program prints.
 */
export function normaliseOutput(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

const asList = (a: string | string[]): string[] => (typeof a === 'string' ? [a] : a);

/** Returns true when the response has nothing to grade yet (no option chosen, no output typed). */
export function isEmptyResponse(kind: QuizKind, response: QuizResponse): boolean {
  if (kind === 'output') return typeof response !== 'string' || normaliseOutput(response) === '';
  if (kind === 'order') return false; // an arrangement always exists
  return asList(response).length === 0;
}

/** Returns true when response answers q correctly. */
export function grade(q: GradableQuestion, response: QuizResponse): boolean {
  switch (q.kind) {
    case 'output':
      return (
        typeof response === 'string' &&
        normaliseOutput(response) === normaliseOutput(asList(q.answer).join(''))
      );
    case 'choice': {
      const chosen = asList(response);
      return chosen.length === 1 && chosen[0] === asList(q.answer)[0];
    }
    case 'multi': {
      // A set: order does not matter, and a duplicate cannot make a wrong answer right.
      const chosen = new Set(asList(response));
      const want = new Set(asList(q.answer));
      return chosen.size === want.size && [...want].every((id) => chosen.has(id));
    }
    case 'order': {
      const arranged = asList(response);
      const want = asList(q.answer);
      return arranged.length === want.length && want.every((id, i) => arranged[i] === id);
    }
  }
}

/** Returns a copy of list with the entry at index moved by delta (−1 up, +1 down), clamped to the ends. */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const out = [...list];
  const to = Math.min(out.length - 1, Math.max(0, index + delta));
  if (index < 0 || index >= out.length || to === index) return out;
  const [item] = out.splice(index, 1) as [T];
  out.splice(to, 0, item);
  return out;
}
