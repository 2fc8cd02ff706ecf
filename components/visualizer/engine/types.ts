/**
 * The scenario as the browser receives it: one locale's text already chosen at build time, the
 * model id, goroutine lanes, the guided script and the optional level. Browser-safe (types only).
 */
import type { ScenarioModel } from '../models/ids.ts';
import type { Clock, Move, Predicate, Spin } from '../scenario/schema.ts';

export type { Clock, Move, Predicate, ScenarioModel, Spin };

/** One lane: a goroutine, its code and how the model's cursor maps to a code line. */
export interface Lane {
  id: string;
  label?: string;
  code: string[];
  at?: Record<string, number>;
  program?: unknown[];
}

/** A graded level in one locale. */
export interface Level {
  kind: 'break' | 'predict';
  goal: string;
  win?: Predicate;
  /** A break level's par: the fewest moves that win it. */
  par?: number;
  hints: string[];
  /** After a win: what the learner did, and the anchor of the chapter section about it. */
  lesson?: { text: string; section: string };
  predict?: { field: PredictField; answer: number };
}

/** A state field a "predict the state" level asks for. */
export type PredictField =
  | 'word'
  | 'readerCount'
  | 'readerWait'
  | 'counter'
  | 'waiters'
  /** sync.Once's done; the HashTrieMap's indirect nodes. */
  | 'done'
  | 'indirectNodes'
  /** The first channel's qcount, len(recvq), len(sendq). */
  | 'qcount'
  | 'recvq'
  | 'sendq';

/** A localized scenario. */
export interface Scenario {
  id: string;
  model: ScenarioModel;
  chapter: string;
  title: string;
  description: string;
  goroutines: Lane[];
  initial: Record<string, unknown>;
  script: Move[];
  end?: Predicate;
  level?: Level;
  /** Clock moves the learner may make (tick sizes and the time limit), if the scenario offers them. */
  clock?: Clock;
  /** The GOMAXPROCS / idle-P choices the learner may make before the first move, if offered. */
  spin?: Spin;
  /** A level's successor in the course's level menu (course order), linked after a win; the page sets it. */
  next?: { href: string; title: string };
}
