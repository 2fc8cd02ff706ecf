/**
 * Lab storage: the interface the rest of the server uses, whichever database holds the labs.
 *
 * Two backends implement it, each in its own file with its own numbered migrations:
 * - sqlite-store.ts, the embedded default for one machine: SQLite through node:sqlite (built into
 *   Node 24), WAL with synchronous=FULL, so an acknowledged submission survives a SIGKILL or a
 *   power cut. `npm start` needs no database server. (PGlite would have given one SQL dialect,
 *   but it runs PostgreSQL single-connection in WASM inside the web process, with a large heap
 *   and a young durability story; SQLite's is decades old.)
 * - postgres-store.ts, for several machines: PostgreSQL through `pg` with a connection pool,
 *   chosen when LOCKSTEP_DATABASE_URL=postgres://… is set (open-store.ts decides).
 * Every method is asynchronous so that a network database fits; both backends pass the same test
 * suite (store-suite.ts).
 */
import { RequestError } from '../errors.ts';
import type { DatabaseReason } from '../../../contract/errors.ts';
import { DATABASE_REASON_ENGLISH } from './postgres-errors.ts';
import type { GradingQueue } from './queue.ts';
import type { Lab, ScoreOverride, Student, Submission } from './types.ts';

/** A student id already taken in that lab. */
export class DuplicateStudentError extends Error {}

/**
 * The database cannot be reached (down, restarting, refusing connections). Lab routes answer 503
 * with the code `database_unavailable` and the rest of the site keeps working; the next request
 * tries again, so the server recovers by itself when the database returns.
 */
export class DatabaseUnavailableError extends RequestError<'database_unavailable'> {
  constructor(reason: DatabaseReason) {
    super(
      503,
      'database_unavailable',
      `The lab database cannot be reached right now (${DATABASE_REASON_ENGLISH[reason]}); try again shortly.`,
      { reason },
    );
    this.name = 'DatabaseUnavailableError';
  }
}

export interface NewStudent {
  labId: string;
  studentId: string;
  name: string;
  email: string | null;
  tokenHash: string;
  joinedAt: string;
}

/** What both backends take besides where the database is. */
export interface LabStoreOptions {
  /** Leases a grading job gets before it is failed for good (queue.ts); default DEFAULT_MAX_ATTEMPTS. */
  maxGradingAttempts?: number;
}

export type AddedSubmission =
  { outcome: 'stored' | 'existing'; submission: Submission } | { outcome: 'limit' };

export interface LabStore {
  createLab(lab: Lab, instructorKeyHash: string): Promise<void>;
  /** The lab and the hash of its instructor key, or null. */
  getLab(id: string): Promise<{ lab: Lab; instructorKeyHash: string } | null>;
  /** Rejects with DuplicateStudentError when the student id is taken in that lab. */
  addStudent(student: NewStudent): Promise<Student>;
  studentByToken(labId: string, tokenHash: string): Promise<Student | null>;
  students(labId: string): Promise<Student[]>;
  /**
   * Stores a new submission as queued for grading, if the student has fewer than `limit` for that
   * exercise (`limit`). With an idempotency key the student already used, nothing is stored and
   * the earlier submission comes back (`existing`). Atomic across connections and machines: two
   * racing submissions cannot both take the last attempt, nor both store one key.
   */
  addSubmission(submission: Submission, limit: number | null): Promise<AddedSubmission>;
  /** The student's submission stored under this idempotency key, or null. */
  submissionByKey(studentRow: number, idempotencyKey: string): Promise<Submission | null>;
  attempts(labId: string, studentRow: number, exerciseId: string): Promise<number>;
  /** Every submission of the lab, or of one student, oldest first. */
  submissions(labId: string, studentRow?: number): Promise<Submission[]>;
  submission(labId: string, id: string): Promise<Submission | null>;
  /** False when there is no such submission. */
  setOverride(labId: string, id: string, override: ScoreOverride | null): Promise<boolean>;
  /** The grading queue over this store's submissions. */
  readonly queue: GradingQueue;
  /** Brings the schema up to date if it is not yet, and returns its version. */
  version(): Promise<number>;
  close(): Promise<void>;
}
