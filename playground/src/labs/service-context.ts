/**
 * What every lab use case shares: the dependencies, the caller, the lab lookup and the views the
 * API returns (lab, student, submission, gradebook cells). The use cases themselves live one to a
 * file (lab-setup.ts, lab-access.ts, submit.ts, standing.ts, gradebook.ts, instructor-actions.ts)
 * and service.ts puts them together.
 */
import type { Locale } from '../../../contract/grade.ts';
import type {
  Cell,
  LabView,
  StudentView,
  SubmissionDetail,
  SubmissionSummary,
} from '../../../contract/labs.ts';
import type { Exercise } from '../../../contract/exercise/types.ts';
import { RequestError } from '../errors.ts';
import { resolveLimits, type Limits } from '../sandbox/plan/limits.ts';
import { countedScore, gradebookCell, labPhase } from './policy.ts';
import type { LabStore } from './store.ts';
import type { Lab, Student, Submission } from './types.ts';

export interface LabServiceDeps {
  store: LabStore;
  exercises: ReadonlyMap<string, Exercise>;
  now?: () => Date;
  /** The runner's sandbox limits (limitsFromConfig); a submission must fit them to be accepted. */
  limits?: Partial<Limits>;
}

/** Who is asking: the lab's instructor, or one of its students. */
export type LabCaller = { role: 'instructor'; lab: Lab } | { role: 'student'; lab: Lab; student: Student };

/** The shared means of the use cases, built once per service. */
export interface LabContext {
  store: LabStore;
  exercises: ReadonlyMap<string, Exercise>;
  now: () => Date;
  limits: Limits;
  /** The lab with its instructor key's hash; rejects with 404 when there is none. */
  lab(labId: string): Promise<{ lab: Lab; instructorKeyHash: string }>;
  toView(l: Lab, locale: Locale): LabView;
  /** Each student's ID by row, for naming the owner of a submission. */
  studentIdOf(l: Lab): Promise<Map<number, string>>;
  summary(s: Submission, studentId: string, position?: number | null): SubmissionSummary;
  /** The summary with its place in the queue when it is queued. */
  live(s: Submission, studentId: string): Promise<SubmissionSummary>;
  detail(s: Submission, studentId: string): Promise<SubmissionDetail>;
  cells(l: Lab, subs: Submission[]): Cell[];
  /** The lab when the caller is its instructor; rejects with 403 otherwise. */
  instructorOnly(caller: LabCaller): Lab;
}

export function studentView(s: Student): StudentView {
  return { studentId: s.studentId, name: s.name, email: s.email, joinedAt: s.joinedAt };
}

/** The most points an exercise's tests give. */
export function exerciseMaxScore(exercise: Exercise): number {
  return exercise.grading.tests.reduce((n, t) => n + t.weight, 0);
}

export const noSuchSubmission = (): RequestError =>
  new RequestError(404, 'submission_not_found', 'There is no such submission.');

const notFound = (labId: string) =>
  new RequestError(404, 'lab_not_found', `There is no lab "${labId}". Check the link you were given.`, {
    labId,
  });

function labView(l: Lab, locale: Locale, exercises: ReadonlyMap<string, Exercise>, at: Date): LabView {
  return {
    id: l.id,
    title: l.title,
    createdAt: l.createdAt,
    opensAt: l.opensAt,
    dueAt: l.dueAt,
    latePolicy: l.latePolicy,
    latePenaltyPercent: l.latePenaltyPercent,
    hints: l.hints,
    solutions: l.solutions,
    attemptLimit: l.attemptLimit,
    phase: labPhase(l, at),
    exercises: l.exercises.map((id) => {
      const e = exercises.get(id);
      return {
        id,
        title: e ? e.title[locale] : id,
        chapter: e?.chapter ?? '',
        difficulty: e?.difficulty ?? '',
      };
    }),
  };
}

function submissionSummary(s: Submission, studentId: string, position: number | null): SubmissionSummary {
  return {
    id: s.id,
    exerciseId: s.exerciseId,
    studentId,
    submittedAt: s.submittedAt,
    late: s.late,
    state: s.state,
    position: s.state === 'queued' ? position : null,
    failure: s.failure,
    score: s.grade?.score ?? null,
    finalScore: s.grade?.finalScore ?? null,
    countedScore: countedScore(s),
    maxScore: s.grade?.maxScore ?? s.maxScore,
    verdict: s.grade?.verdict ?? null,
    status: s.grade?.status ?? null,
    gradedAt: s.grade?.gradedAt ?? null,
    override: s.override,
  };
}

export function createLabContext(deps: LabServiceDeps): LabContext {
  const { store, exercises } = deps;
  const now = deps.now ?? (() => new Date());
  const summary = (s: Submission, studentId: string, position: number | null = null) =>
    submissionSummary(s, studentId, position);
  const live = async (s: Submission, studentId: string): Promise<SubmissionSummary> =>
    summary(s, studentId, s.state === 'queued' ? await store.queue.position(s.id) : null);
  return {
    store,
    exercises,
    now,
    limits: resolveLimits(deps.limits),
    async lab(labId) {
      const found = await store.getLab(labId);
      if (!found) throw notFound(labId);
      return found;
    },
    toView: (l, locale) => labView(l, locale, exercises, now()),
    studentIdOf: async (l) => new Map((await store.students(l.id)).map((s) => [s.row, s.studentId])),
    summary,
    live,
    detail: async (s, studentId) => ({
      ...(await live(s, studentId)),
      files: s.files,
      result: s.grade?.result ?? null,
    }),
    cells: (l, subs) => l.exercises.map((id) => gradebookCell(id, subs)),
    instructorOnly(caller) {
      if (caller.role !== 'instructor')
        throw new RequestError(403, 'forbidden', 'Only the lab’s instructor can do this.', {
          role: 'instructor',
        });
      return caller.lab;
    },
  };
}
