/**
 * The shape of a quiz file, content/quizzes/<part>/<chapter>.json: a list of questions, each
 * written in every locale. Checked at build time by load.ts and in tests/unit/quizzes.test.ts.
 * N.B. Node-only (TypeBox is not shipped to the browser).
 */
import { Type, type Static } from 'typebox';

const nonEmpty = Type.String({ minLength: 1, pattern: '\\S' });

/** A text in every locale of the site. */
export const QuizText = Type.Object({ en: nonEmpty, 'zh-cn': nonEmpty }, { additionalProperties: false });
export type QuizText = Static<typeof QuizText>;

/** Ids are kebab-case so they can be used in element ids and progress keys. */
const id = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });

/** One option of a choice question, or one event of an order question. */
export const QuizOption = Type.Object({ id, text: QuizText }, { additionalProperties: false });
export type QuizOption = Static<typeof QuizOption>;

/** The kinds of question: one answer, several answers, predicted output, events in order. */
export const QUIZ_KINDS = ['choice', 'multi', 'output', 'order'] as const;

/** One question. Which of options/items/code are required depends on kind (see load.ts). */
export const QuizQuestion = Type.Object(
  {
    id,
    kind: Type.Union(QUIZ_KINDS.map((k) => Type.Literal(k))),
    prompt: QuizText,
    code: Type.Optional(Type.String({ minLength: 1, description: 'Go source shown with the prompt.' })),
    options: Type.Optional(Type.Array(QuizOption, { minItems: 2 })),
    items: Type.Optional(Type.Array(QuizOption, { minItems: 2 })),
    answer: Type.Union([Type.String(), Type.Array(Type.String(), { minItems: 1 })], {
      description:
        'choice: an option id; multi: option ids; output: the exact output; order: item ids in order.',
    }),
    explanation: QuizText,
    source: Type.Optional(Type.String({ pattern: '^src/[A-Za-z0-9_./-]+$' })),
  },
  { additionalProperties: false },
);
export type QuizQuestion = Static<typeof QuizQuestion>;

/** A chapter's quiz file. */
export const QuizFile = Type.Array(QuizQuestion, { minItems: 1 });
export type QuizFile = Static<typeof QuizFile>;
