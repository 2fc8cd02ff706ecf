/**
 * PostgreSQL rows as the rest of the server sees them: a submissions row becomes a Submission, a
 * students row a Student. Pure; shared by the store (postgres-store.ts) and the grading queue
 * (postgres-queue.ts).
 */
import type { Student, Submission, SubmissionGrade } from './types.ts';

export type Row = Record<string, unknown>;

export const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/** A submissions row as the rest of the server sees it. */
export function toSubmission(r: Row): Submission {
  return {
    id: r.id as string,
    labId: r.lab_id as string,
    studentRow: Number(r.student_row),
    exerciseId: r.exercise_id as string,
    files: r.files as Submission['files'],
    submittedAt: iso(r.submitted_at),
    late: r.late === true,
    locale: r.locale as Submission['locale'],
    idempotencyKey: (r.idempotency_key as string | null) ?? null,
    state: r.state as Submission['state'],
    maxScore: Number(r.max_score),
    grade:
      r.result === null
        ? null
        : {
            score: Number(r.score),
            maxScore: Number(r.max_score),
            finalScore: Number(r.final_score),
            verdict: r.verdict as SubmissionGrade['verdict'],
            status: r.status as SubmissionGrade['status'],
            result: r.result as SubmissionGrade['result'],
            gradedAt: iso(r.graded_at),
          },
    failure: (r.failure as string | null) ?? null,
    gradingAttempts: Number(r.grading_attempts),
    override:
      r.override_score === null
        ? null
        : {
            score: Number(r.override_score),
            comment: (r.override_comment as string | null) ?? '',
            at: iso(r.override_at),
          },
  };
}

export function toStudent(r: Row): Student {
  return {
    row: Number(r.id),
    labId: r.lab_id as string,
    studentId: r.student_id as string,
    name: r.name as string,
    email: (r.email as string | null) ?? null,
    joinedAt: iso(r.joined_at),
  };
}
