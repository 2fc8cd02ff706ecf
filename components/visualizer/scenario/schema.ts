/**
 * The JSON schema of a visualizer scenario (content/scenarios/<id>.json), checked at build time.
 * A scenario names a model by its id (models/ids.ts), gives each goroutine the Go-like code shown in
 * its lane plus its program, an optional guided script, the state it must end in, and, for graded
 * levels, the goal, the win predicate and hints. N.B. Node-only (TypeBox); the browser imports types.
 */
import { Type, type Static } from 'typebox';
import { SCENARIO_MODELS } from '../models/ids.ts';

const Text = Type.Object(
  { en: Type.String({ minLength: 1 }), 'zh-cn': Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);
/** A string in both locales. */
export type Text = Static<typeof Text>;

export type { ScenarioModel } from '../models/ids.ts';

/** One move: a goroutine id steps (its next micro-step or program event), or the clock advances. */
export const Move = Type.Union([
  Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]{0,7}$' }),
  Type.Object({ tick: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
]);
/** A move in a script or a learner's history. */
export type Move = Static<typeof Move>;

/** A condition on a model state: what a script must end in, or what wins a level. */
export const Predicate = Type.Object(
  {
    kind: Type.Enum([
      'deadlock',
      'fatal',
      'panic',
      'lostUpdate',
      'counterAtMost',
      'starving',
      'race',
      'noRace',
      'promoted',
      'transfersAtLeast',
      'allDone',
      'starvedThenNormal',
      'sendDropped',
      'usedBeforeSet',
    ] as const),
    value: Type.Optional(Type.Integer()),
    message: Type.Optional(Type.String({ minLength: 1 })),
    /** Narration keys that must appear while the script plays (checked by the unit test). */
    narrates: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  },
  { additionalProperties: false },
);
/** A predicate over a model state. */
export type Predicate = Static<typeof Predicate>;

const Goroutine = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]{0,7}$' }),
    label: Type.Optional(Text),
    code: Type.Array(Type.String(), { minItems: 1 }),
    /** Cursor key (`<ip>:<pc>`, `<ip>`, `<pc>`, `done`) → index in `code`; default: line = op index. */
    at: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0 }))),
    /** The goroutine's calls (model ops) or, for event-driven models, its events in program order. */
    program: Type.Optional(Type.Array(Type.Unknown())),
  },
  { additionalProperties: false },
);

const Level = Type.Object(
  {
    kind: Type.Union([Type.Literal('break'), Type.Literal('predict')]),
    goal: Text,
    win: Type.Optional(Predicate),
    /** A break level's par: the fewest moves of a winning schedule (the unit test recomputes it). */
    par: Type.Optional(Type.Integer({ minimum: 1 })),
    hints: Type.Array(Text, { minItems: 1 }),
    /** Shown after a win: what the learner just did, and the chapter section (its anchor per locale) that explains it. */
    lesson: Type.Optional(
      Type.Object(
        {
          text: Text,
          section: Type.Object(
            { en: Type.String({ pattern: '^[a-z0-9-]+$' }), 'zh-cn': Type.String({ minLength: 1 }) },
            { additionalProperties: false },
          ),
        },
        { additionalProperties: false },
      ),
    ),
    predict: Type.Optional(
      Type.Object(
        {
          field: Type.Enum([
            'word',
            'readerCount',
            'readerWait',
            'counter',
            'waiters',
            'done',
            'indirectNodes',
            'qcount',
            'recvq',
            'sendq',
          ] as const),
          answer: Type.Integer(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/**
 * Clock moves a learner may make in a model with a clock (the mutex): the tick sizes offered (ns, e.g.
 * 1 ms and the scenario's own tick) and `limit`, the most time the learner may let pass in one run, which
 * keeps a level's state space finite (the level audit walks all of it).
 */
const Clock = Type.Object(
  {
    ticks: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 3 }),
    limit: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
/** A scenario's clock moves. */
export type Clock = Static<typeof Clock>;

/**
 * The spin environment a learner may choose before the first move (the mutex's SpinEnv): the GOMAXPROCS
 * values offered (the first is the default) and whether the other Ps may be made idle. Changing it restarts the run.
 */
const Spin = Type.Object(
  {
    gomaxprocs: Type.Array(Type.Integer({ minimum: 1, maximum: 64 }), { minItems: 1, maxItems: 4 }),
    idle: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
/** A scenario's spin choices. */
export type Spin = Static<typeof Spin>;

/** A whole scenario file. */
export const ScenarioFile = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
    model: Type.Enum(SCENARIO_MODELS),
    /** The chapter (docs slug) the scenario belongs to, e.g. `locks/internals-and-memory-model`. */
    chapter: Type.String({ minLength: 1 }),
    title: Text,
    description: Text,
    goroutines: Type.Array(Goroutine, { minItems: 1, maxItems: 9 }),
    initial: Type.Record(Type.String(), Type.Unknown()),
    script: Type.Optional(Type.Array(Move)),
    end: Type.Optional(Predicate),
    level: Type.Optional(Level),
    clock: Type.Optional(Clock),
    spin: Type.Optional(Spin),
  },
  { additionalProperties: false },
);
/** A validated scenario file. */
export type ScenarioFile = Static<typeof ScenarioFile>;
/** A level as declared in a scenario file. */
export type LevelFile = NonNullable<ScenarioFile['level']>;
