/**
 * Instructor labs as the server holds them. The stored shapes only: no secrets in clear (keys and
 * tokens are kept as SHA-256 hashes), and everything a gradebook needs to be rebuilt from rows.
 */
import type { GradeResult } from '../contract/grade.ts';
import type { Files } from '../exercises/types.ts';

/** What happens to work submitted after the due date. */
export type LatePolicy = 'accept' | 'penalty' | 'reject';

/** What an instructor chooses when creating a lab. */
export interface LabSettings {
  title: string;
  /** Exercise ids, in the order students see them. */
  exercises: string[];
  /** ISO 8601 instants. */
  opensAt: string;
  dueAt: string;
  latePolicy: LatePolicy;
  /** With latePolicy "penalty": percent taken off a late submission's score (0–100). */
  latePenaltyPercent: number;
  hints: boolean;
  solutions: boolean;
  /** Submissions per exercise and student; null for no limit. */
  attemptLimit: number | null;
}

export interface Lab extends LabSettings {
  id: string;
  createdAt: string;
}

export interface Student {
  /** Internal row id: never shown; student work is looked up through it. */
  row: number;
  labId: string;
  studentId: string;
  name: string;
  email: string | null;
  joinedAt: string;
}

export interface ScoreOverride {
  score: number;
  comment: string;
  at: string;
}

export interface Submission {
  id: string;
  labId: string;
  studentRow: number;
  exerciseId: string;
  files: Files;
  submittedAt: string;
  late: boolean;
  /** The grader's score, before any late penalty. */
  score: number;
  maxScore: number;
  /** After the late policy: what counts unless an instructor overrides it. */
  finalScore: number;
  verdict: GradeResult['verdict'];
  status: GradeResult['status'];
  result: GradeResult;
  override: ScoreOverride | null;
}
