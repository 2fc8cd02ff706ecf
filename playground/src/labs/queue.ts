/**
 * The grading queue: lab submissions wait in the database until a grading worker takes them. One
 * interface, one implementation per backend (sqlite-queue.ts, postgres-queue.ts), and one test
 * suite both pass (queue-suite.ts).
 *
 * Why a table and not pg-boss or graphile-worker: the same queue must exist on the embedded SQLite
 * backend, where those libraries cannot go, and the queue is the submissions' own rows (state,
 * attempts, lease, retry time) — a few dozen lines of SQL per backend, with the submission and its
 * job changed in one transaction. PostgreSQL takes jobs with SELECT … FOR UPDATE SKIP LOCKED (many
 * workers on many machines take disjoint jobs without waiting on each other) and wakes idle
 * workers with LISTEN/NOTIFY; SQLite takes them inside BEGIN IMMEDIATE in one process.
 *
 * Delivery is at least once: a worker holds a job under a lease of N milliseconds that it renews
 * while grading; a job whose lease ran out (its worker died) is leased again. Each lease has its
 * own token, and only the holder of the current token can write the grade, so the grade is
 * written once and a late completion from an expired lease changes nothing. A job is leased at
 * most `maxAttempts` times; after that it is `failed` with a reason code until an instructor
 * re-queues it.
 */
import type { Submission, SubmissionGrade } from './types.ts';

export interface GradingJob {
  submission: Submission;
  /** Proves this lease when renewing, completing, failing or releasing the job. */
  token: string;
}

export interface QueueCounts {
  queued: number;
  grading: number;
  failed: number;
}

export interface GradingQueue {
  /**
   * Leases up to `n` jobs for `leaseMs`: queued jobs whose retry time has come, and jobs whose
   * lease ran out, oldest first. A job whose lease ran out after its last allowed attempt is
   * marked failed (`lease_expired`) instead.
   */
  lease(n: number, leaseMs: number): Promise<GradingJob[]>;
  /** Extends the lease; false when it is no longer this token's (expired and taken, or finished). */
  renew(id: string, token: string, leaseMs: number): Promise<boolean>;
  /** Writes the grade if `token` still holds the lease; false (and nothing changes) otherwise. */
  complete(id: string, token: string, grade: SubmissionGrade): Promise<boolean>;
  /**
   * An attempt to grade failed for a reason that is not the learner's (runner unavailable, an
   * internal error): the job waits `retryInMs` and is tried again, or, after its last allowed
   * attempt or with retryInMs null, is failed for good. Null when the token no longer holds it.
   */
  failAttempt(
    id: string,
    token: string,
    reason: string,
    retryInMs: number | null,
  ): Promise<'queued' | 'failed' | null>;
  /** Gives the job back without counting the attempt (a worker stopping); false if not held. */
  release(id: string, token: string): Promise<boolean>;
  /** Instructor: a failed submission goes to the back of the queue with its attempts reset. */
  requeue(labId: string, id: string): Promise<boolean>;
  /** 1-based place among queued submissions (all labs), or null when it is not queued. */
  position(id: string): Promise<number | null>;
  counts(): Promise<QueueCounts>;
  /** Calls `listener` when work may have arrived (a submission, a retry, a re-queue); returns an unsubscribe. */
  onWake(listener: () => void): () => void;
}

/** How often a job may be leased before it is failed for good (the default). */
export const DEFAULT_MAX_ATTEMPTS = 3;
