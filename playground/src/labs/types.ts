/**
 * Instructor labs as the server holds them. The stored shapes only: no secrets in clear (keys and
 * tokens are kept as SHA-256 hashes), and everything a gradebook needs to be rebuilt from rows.
 */
import type { GradeResult, Locale, StoredGradeResult } from '../../../contract/grade.ts';
import type { Files } from '../../../contract/exercise/types.ts';

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

/**
 * Where a submission stands: stored and waiting for a grader, being graded, graded, or given up on
 * after the grading queue's bounded retries (the instructor can re-queue it).
 */
export type SubmissionState = 'queued' | 'grading' | 'graded' | 'failed';

/** What the grader found, written once per submission. */
export interface SubmissionGrade {
  /** The grader's score, before any late penalty. */
  score: number;
  maxScore: number;
  /** After the late policy: what counts unless an instructor overrides it. */
  finalScore: number;
  verdict: GradeResult['verdict'];
  status: GradeResult['status'];
  /** As stored: grades from before codes existed have only their messages. */
  result: StoredGradeResult;
  gradedAt: string;
}

export interface Submission {
  id: string;
  labId: string;
  studentRow: number;
  exerciseId: string;
  files: Files;
  /** When the server received it: the time the deadline and late policy judge. */
  submittedAt: string;
  late: boolean;
  /** The language of the grade's texts. */
  locale: Locale;
  /** The client's Idempotency-Key: a retried request with the same key gets this submission back. */
  idempotencyKey: string | null;
  state: SubmissionState;
  /** The exercise's full score, known at receipt. */
  maxScore: number;
  /** Null until graded. */
  grade: SubmissionGrade | null;
  /** Why the last attempt to grade failed (a reason code such as runner_unavailable), or null. */
  failure: string | null;
  /** Attempts the grading queue has made (leases taken). */
  gradingAttempts: number;
  override: ScoreOverride | null;
}
