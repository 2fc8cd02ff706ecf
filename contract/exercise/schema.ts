/**
 * The schema of content/exercises/<id>/exercise.json. Long texts (statement, explanation) live in
 * Markdown files beside it; short ones (title, objective, hints) are inline, in every locale.
 * The type of a loaded exercise is in types.ts.
 */
import { Type, type Static } from 'typebox';
import { RunStatus } from '../run.ts';
import { Difficulty } from '../grade.ts';
import { GO_MINIMUM_PATTERN } from '../go-version.ts';

const Text = Type.Object(
  { en: Type.String({ minLength: 1 }), 'zh-cn': Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);

const TEST_NAME = '^Test[A-Za-z0-9_]*$';

export const ExerciseMeta = Type.Object(
  {
    title: Text,
    chapter: Type.String({
      pattern: '^[a-z0-9-]+(/[a-z0-9-]+)*$',
      description: 'Docs slug, e.g. locks/misuse-and-diagnosis (content/docs/<slug>.mdx).',
    }),
    difficulty: Difficulty,
    go: Type.Optional(
      Type.String({
        pattern: GO_MINIMUM_PATTERN,
        description:
          'The oldest Go that builds the starter, tests and solution, e.g. "1.25" (absent: every Go the course supports). Not below starter/go.mod\'s go line.',
      }),
    ),
    objective: Text,
    hints: Type.Array(Text, {
      minItems: 1,
      maxItems: 4,
      description: 'Tiered: the first nudges, the last nearly tells.',
    }),
    grading: Type.Object(
      {
        race: Type.Boolean({
          description: 'Build with -race; a test during which a race is reported scores 0.',
        }),
        count: Type.Integer({
          minimum: 1,
          maximum: 5,
          description:
            'Runs of the test binary per grade (what go test -count=N would do); the first run that does not pass decides.',
        }),
        timeBudgetMs: Type.Integer({
          minimum: 100,
          maximum: 15_000,
          description: "check:exercises fails when the reference solution's test run takes longer.",
        }),
        tests: Type.Array(
          Type.Object(
            {
              name: Type.String({ pattern: TEST_NAME }),
              weight: Type.Integer({ minimum: 1, maximum: 100 }),
            },
            { additionalProperties: false },
          ),
          {
            minItems: 1,
            description: 'Every Test function of tests/ and hidden/; hidden is derived from the folder.',
          },
        ),
      },
      { additionalProperties: false },
    ),
    check: Type.Object(
      {
        starter: Type.Object(
          {
            status: Type.Array(RunStatus, {
              minItems: 1,
              description:
                'The run status the starter must get: one of these (e.g. race, or concurrent_map).',
            }),
            failing: Type.Array(Type.String({ pattern: TEST_NAME }), {
              minItems: 1,
              description: 'Graded tests the starter must not pass.',
            }),
          },
          { additionalProperties: false },
        ),
        repeats: Type.Optional(
          Type.Integer({ minimum: 1, maximum: 50, description: 'Times the solution is graded (default 5).' }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ExerciseMeta = Static<typeof ExerciseMeta>;

/** Times check:exercises grades each reference solution unless the exercise says otherwise. */
export const DEFAULT_CHECK_REPEATS = 5;
