/**
 * Instructor labs: create, join, submit (stored and acknowledged at once, then graded by the
 * grading worker through the queue: grading-worker.ts), the student's own standing, the
 * gradebook, overrides, re-queueing a submission that failed to grade. Policy lives in policy.ts,
 * storage behind LabStore; the clock is passed in, so tests drive time directly.
 */
import type { Locale } from '../contract/grade.ts';
import type {
  Cell,
  CreatedLab,
  Gradebook,
  JoinRequest,
  Joined,
  LabView,
  StudentStanding,
  StudentView,
  SubmissionDetail,
  SubmissionSummary,
} from '../contract/labs.ts';
import type { Exercise, Files } from '../exercises/types.ts';
import { submissionFiles } from '../grading/submission.ts';
import { newEndTestName, withEndTest } from '../grading/end-test.ts';
import { RequestError } from '../errors.ts';
import { resolveLimits, type Limits } from '../sandbox/limits.ts';
import { SandboxInputError, validateJob } from '../sandbox/validate.ts';
import { gradebookCsv, type GradebookCsvRow } from './csv.ts';
import { countedScore, decideSubmission, gradebookCell, labPhase, settingsProblems } from './policy.ts';
import { hashSecret, newId, newSecret, secretMatches } from './secrets.ts';
import { DuplicateStudentError, type LabStore } from './store.ts';
import type { Lab, LabSettings, Student, Submission } from './types.ts';

export interface LabServiceDeps {
  store: LabStore;
  exercises: ReadonlyMap<string, Exercise>;
  now?: () => Date;
  /** The runner's sandbox limits (limitsFromConfig); a submission must fit them to be accepted. */
  limits?: Partial<Limits>;
}

/** Who is asking: the lab's instructor, or one of its students. */
export type LabCaller = { role: 'instructor'; lab: Lab } | { role: 'student'; lab: Lab; student: Student };

export interface LabService {
  create(settings: LabSettings, locale: Locale): Promise<CreatedLab>;
  view(labId: string, locale: Locale): Promise<LabView>;
  join(labId: string, request: JoinRequest): Promise<Joined>;
  /** Resolves a bearer secret for this lab; rejects with 401 when it is neither key nor token. */
  authenticate(labId: string, secret: string | null): Promise<LabCaller>;
  /**
   * Stores the submission, queued for grading, and returns it at once; with an idempotency key
   * the student already used, returns the earlier one instead (`replayed`).
   */
  submit(
    caller: LabCaller,
    request: { exerciseId: string; files: Files; locale?: Locale | undefined },
    options: { idempotencyKey?: string | undefined },
  ): Promise<{ submission: SubmissionSummary; replayed: boolean }>;
  /** Instructor: puts a submission that failed to grade back in the queue. */
  requeue(caller: LabCaller, submissionId: string): Promise<SubmissionSummary>;
  standing(caller: LabCaller, locale: Locale): Promise<StudentStanding>;
  submission(caller: LabCaller, submissionId: string): Promise<SubmissionDetail>;
  gradebook(caller: LabCaller, locale: Locale): Promise<Gradebook>;
  csv(caller: LabCaller): Promise<string>;
  override(
    caller: LabCaller,
    submissionId: string,
    score: number | null,
    comment: string,
  ): Promise<SubmissionDetail>;
}

const notFound = (labId: string) =>
  new RequestError(404, 'not_found', `There is no lab "${labId}". Check the link you were given.`);

function studentView(s: Student): StudentView {
  return { studentId: s.studentId, name: s.name, email: s.email, joinedAt: s.joinedAt };
}

export function createLabService(deps: LabServiceDeps): LabService {
  const { store, exercises } = deps;
  const now = deps.now ?? (() => new Date());
  const limits = resolveLimits(deps.limits);

  const lab = async (labId: string): Promise<{ lab: Lab; instructorKeyHash: string }> => {
    const found = await store.getLab(labId);
    if (!found) throw notFound(labId);
    return found;
  };

  const toView = (l: Lab, locale: Locale): LabView => ({
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
    phase: labPhase(l, now()),
    exercises: l.exercises.map((id) => {
      const e = exercises.get(id);
      return {
        id,
        title: e ? e.title[locale] : id,
        chapter: e?.chapter ?? '',
        difficulty: e?.difficulty ?? '',
      };
    }),
  });

  const studentIdOf = async (l: Lab): Promise<Map<number, string>> =>
    new Map((await store.students(l.id)).map((s) => [s.row, s.studentId]));

  const summary = (s: Submission, studentId: string, position: number | null = null): SubmissionSummary => ({
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
  });

  /** The summary with its place in the queue when it is queued. */
  const live = async (s: Submission, studentId: string): Promise<SubmissionSummary> =>
    summary(s, studentId, s.state === 'queued' ? await store.queue.position(s.id) : null);

  const detail = async (s: Submission, studentId: string): Promise<SubmissionDetail> => ({
    ...(await live(s, studentId)),
    files: s.files,
    result: s.grade?.result ?? null,
  });

  const cells = (l: Lab, subs: Submission[]): Cell[] => l.exercises.map((id) => gradebookCell(id, subs));

  const instructorOnly = (caller: LabCaller): Lab => {
    if (caller.role !== 'instructor')
      throw new RequestError(403, 'forbidden', 'Only the lab’s instructor can do this.');
    return caller.lab;
  };

  const service: LabService = {
    async create(settings, locale) {
      const problems = settingsProblems(settings, new Set(exercises.keys()));
      if (problems.length > 0) throw new RequestError(400, 'bad_request', problems.join(' '));
      const created: Lab = {
        ...settings,
        title: settings.title.trim(),
        opensAt: new Date(settings.opensAt).toISOString(),
        dueAt: new Date(settings.dueAt).toISOString(),
        id: newId(),
        createdAt: now().toISOString(),
      };
      const instructorKey = newSecret('lsk');
      await store.createLab(created, hashSecret(instructorKey));
      return { lab: toView(created, locale), instructorKey };
    },

    async view(labId, locale) {
      return toView((await lab(labId)).lab, locale);
    },

    async join(labId, request) {
      const l = (await lab(labId)).lab;
      if (labPhase(l, now()) === 'closed')
        throw new RequestError(
          403,
          'closed',
          `This lab was due at ${l.dueAt}; it no longer takes new students.`,
        );
      const token = newSecret('lst');
      const email = request.email?.trim() ? request.email.trim() : null;
      try {
        const student = await store.addStudent({
          labId,
          studentId: request.studentId.trim(),
          name: request.name.trim(),
          email,
          tokenHash: hashSecret(token),
          joinedAt: now().toISOString(),
        });
        return { student: studentView(student), token };
      } catch (error) {
        if (error instanceof DuplicateStudentError)
          throw new RequestError(
            409,
            'already_joined',
            `Student ID "${request.studentId.trim()}" has already joined this lab. Open the personal link you got when you joined, or ask your instructor.`,
          );
        throw error;
      }
    },

    async authenticate(labId, secret) {
      const found = await lab(labId);
      const unauthorized = new RequestError(
        401,
        'unauthorized',
        'This needs your personal lab link (student) or the instructor key.',
      );
      if (!secret) throw unauthorized;
      if (secret.startsWith('lsk_')) {
        if (secretMatches(secret, found.instructorKeyHash)) return { role: 'instructor', lab: found.lab };
        throw unauthorized;
      }
      const student = await store.studentByToken(labId, hashSecret(secret));
      if (!student) throw unauthorized;
      return { role: 'student', lab: found.lab, student };
    },

    async submit(caller, request, options) {
      if (caller.role !== 'student')
        throw new RequestError(403, 'forbidden', 'Submissions come from students; join the lab as one.');
      const { lab: l, student } = caller;
      const exercise = exercises.get(request.exerciseId);
      if (!exercise || !l.exercises.includes(request.exerciseId))
        throw new RequestError(404, 'not_found', `Exercise "${request.exerciseId}" is not part of this lab.`);
      // A retry of a Submit whose answer was lost gets the stored submission back, even when the
      // retry itself comes after the due date or the last attempt: what counts is when it was received.
      if (options.idempotencyKey !== undefined) {
        const earlier = await store.submissionByKey(student.row, options.idempotencyKey);
        if (earlier) return { submission: await live(earlier, student.studentId), replayed: true };
      }
      // The receipt time: the due date and the late policy judge it, however long grading waits.
      const receivedAt = now();
      const before = decideSubmission(l, receivedAt, await store.attempts(l.id, student.row, exercise.id));
      // attempts_exhausted is decided again, atomically, when storing (two racing retries of one
      // key that took the last attempt must both find it there).
      if (!before.accept && before.code !== 'attempts_exhausted')
        throw new RequestError(403, before.code, before.message);
      const locale = request.locale ?? 'en';
      // Files the grader would refuse are refused now, with a 400, and nothing is stored: names it
      // does not take, and a package over the sandbox's limits (256 KiB of source counts bytes, so
      // text within the request's 256 Ki characters can still be too large once encoded).
      const graded = withEndTest(submissionFiles(exercise, request.files, locale), newEndTestName());
      try {
        validateJob({ files: graded, action: 'test', race: exercise.grading.race }, limits);
      } catch (error) {
        if (error instanceof SandboxInputError)
          throw new RequestError(error.statusCode, error.code, error.message);
        throw error;
      }
      const added = await store.addSubmission(
        {
          id: newId(),
          labId: l.id,
          studentRow: student.row,
          exerciseId: exercise.id,
          files: request.files,
          submittedAt: receivedAt.toISOString(),
          late: labPhase(l, receivedAt) === 'late',
          locale,
          idempotencyKey: options.idempotencyKey ?? null,
          state: 'queued',
          maxScore: exercise.grading.tests.reduce((n, t) => n + t.weight, 0),
          grade: null,
          failure: null,
          gradingAttempts: 0,
          override: null,
        },
        l.attemptLimit,
      );
      if (added.outcome === 'limit')
        throw new RequestError(
          403,
          'attempts_exhausted',
          `You have used all ${l.attemptLimit} attempts for this exercise.`,
        );
      return {
        submission: await live(added.submission, student.studentId),
        replayed: added.outcome === 'existing',
      };
    },

    async requeue(caller, submissionId) {
      const l = instructorOnly(caller);
      if (!(await store.queue.requeue(l.id, submissionId))) {
        const s = await store.submission(l.id, submissionId);
        if (!s) throw new RequestError(404, 'not_found', 'There is no such submission.');
        throw new RequestError(
          409,
          'not_failed',
          `Only a submission that failed to grade can be re-queued; this one is ${s.state}.`,
        );
      }
      const s = (await store.submission(l.id, submissionId))!;
      return live(s, (await studentIdOf(l)).get(s.studentRow) ?? '');
    },

    async standing(caller, locale) {
      if (caller.role !== 'student')
        throw new RequestError(403, 'forbidden', 'This is a student’s own view.');
      const subs = await store.submissions(caller.lab.id, caller.student.row);
      const studentId = caller.student.studentId;
      return {
        lab: toView(caller.lab, locale),
        student: studentView(caller.student),
        cells: cells(caller.lab, subs),
        submissions: await Promise.all(subs.map((s) => live(s, studentId))),
      };
    },

    async submission(caller, submissionId) {
      const s = await store.submission(caller.lab.id, submissionId);
      // A student asking for someone else's submission learns nothing, not even that it exists.
      if (!s || (caller.role === 'student' && s.studentRow !== caller.student.row))
        throw new RequestError(404, 'not_found', 'There is no such submission.');
      const studentId =
        caller.role === 'student'
          ? caller.student.studentId
          : (await studentIdOf(caller.lab)).get(s.studentRow);
      return detail(s, studentId ?? '');
    },

    async gradebook(caller, locale) {
      const l = instructorOnly(caller);
      const students = await store.students(l.id);
      const subs = await store.submissions(l.id);
      const ids = new Map(students.map((s) => [s.row, s.studentId]));
      return {
        lab: toView(l, locale),
        rows: students.map((s) => ({
          student: studentView(s),
          cells: cells(
            l,
            subs.filter((x) => x.studentRow === s.row),
          ),
        })),
        submissions: subs.map((s) => summary(s, ids.get(s.studentRow) ?? '')),
      };
    },

    async csv(caller) {
      const l = instructorOnly(caller);
      const subs = await store.submissions(l.id);
      const rows: GradebookCsvRow[] = [];
      for (const s of await store.students(l.id)) {
        const mine = subs.filter((x) => x.studentRow === s.row);
        for (const c of cells(l, mine))
          rows.push({
            lab: l.title,
            student_id: s.studentId,
            name: s.name,
            email: s.email,
            exercise: c.exerciseId,
            score: c.score,
            max_score:
              c.maxScore ??
              exercises.get(c.exerciseId)?.grading.tests.reduce((n, t) => n + t.weight, 0) ??
              null,
            attempts: c.attempts,
            submitted_at: c.submittedAt,
            late: c.late,
          });
      }
      return gradebookCsv(rows);
    },

    async override(caller, submissionId, score, comment) {
      const l = instructorOnly(caller);
      const s = await store.submission(l.id, submissionId);
      if (!s) throw new RequestError(404, 'not_found', 'There is no such submission.');
      if (score !== null && score > (s.grade?.maxScore ?? s.maxScore))
        throw new RequestError(400, 'bad_request', `The score cannot exceed the maximum, ${s.maxScore}.`);
      await store.setOverride(
        l.id,
        submissionId,
        score === null ? null : { score, comment: comment.trim(), at: now().toISOString() },
      );
      return service.submission(caller, submissionId);
    },
  };
  return service;
}
