/**
 * Pure rules of a lab: when it accepts work, whether work is late, what a late submission scores,
 * attempt limits, and which submission counts in the gradebook. No I/O and no clock: `now` is
 * passed in, so every rule is unit-tested directly.
 */
import type { Lab, LabSettings, Submission } from './types.ts';
import type { LabSettingsProblem } from '../../../contract/errors.ts';

export type LabPhase = 'upcoming' | 'open' | 'late' | 'closed';

/** Where the lab stands at `now`: not open yet, open, past due but accepting late work, or closed. */
export function labPhase(lab: LabSettings, now: Date): LabPhase {
  const t = now.getTime();
  if (t < Date.parse(lab.opensAt)) return 'upcoming';
  if (t <= Date.parse(lab.dueAt)) return 'open';
  return lab.latePolicy === 'reject' ? 'closed' : 'late';
}

export type SubmissionDecision =
  | { accept: true; late: boolean }
  | { accept: false; code: 'not_open'; message: string; opensAt: string }
  | { accept: false; code: 'closed'; message: string; dueAt: string }
  | { accept: false; code: 'attempts_exhausted'; message: string; limit: number };

/** May a student submit now, having already made `attemptsSoFar` submissions for the exercise? */
export function decideSubmission(lab: LabSettings, now: Date, attemptsSoFar: number): SubmissionDecision {
  const phase = labPhase(lab, now);
  if (phase === 'upcoming')
    return {
      accept: false,
      code: 'not_open',
      message: `This lab opens at ${lab.opensAt}.`,
      opensAt: lab.opensAt,
    };
  if (phase === 'closed')
    return {
      accept: false,
      code: 'closed',
      message: `This lab was due at ${lab.dueAt} and does not accept late work.`,
      dueAt: lab.dueAt,
    };
  if (lab.attemptLimit !== null && attemptsSoFar >= lab.attemptLimit)
    return {
      accept: false,
      code: 'attempts_exhausted',
      message: `You have used all ${lab.attemptLimit} attempts for this exercise.`,
      limit: lab.attemptLimit,
    };
  return { accept: true, late: phase === 'late' };
}

/** The score that counts for a graded submission under the lab's late policy (rounded down). */
export function finalScore(lab: LabSettings, score: number, late: boolean): number {
  if (!late || lab.latePolicy !== 'penalty') return score;
  return Math.floor((score * (100 - lab.latePenaltyPercent)) / 100);
}

/**
 * What a submission counts for: an instructor's override wins over the graded score; null while
 * it has neither (queued, being graded, or failed to grade).
 */
export function countedScore(s: Pick<Submission, 'grade' | 'override'>): number | null {
  return s.override ? s.override.score : (s.grade?.finalScore ?? null);
}

/** What is wrong with lab settings: each problem as a code, and the unknown exercise ids. */
export interface SettingsProblems {
  problems: LabSettingsProblem[];
  unknownExercises: string[];
}

/** Each problem in English, for the API's message (clients word the codes). */
const PROBLEM_ENGLISH: Record<LabSettingsProblem, string> = {
  no_title: 'Give the lab a title.',
  no_exercises: 'Pick at least one exercise.',
  unknown_exercises: 'Unknown exercise(s): {ids}.',
  duplicate_exercise: 'An exercise is listed twice.',
  bad_opens_at: 'The opening date is not a date.',
  bad_due_at: 'The due date is not a date.',
  due_before_opening: 'The due date must come after the opening date.',
};

/** Settings an instructor sent that make no sense together; no problems when they are fine. */
export function settingsProblems(s: LabSettings, knownExercises: ReadonlySet<string>): SettingsProblems {
  const problems: LabSettingsProblem[] = [];
  if (s.title.trim() === '') problems.push('no_title');
  if (s.exercises.length === 0) problems.push('no_exercises');
  const unknownExercises = s.exercises.filter((id) => !knownExercises.has(id));
  if (unknownExercises.length > 0) problems.push('unknown_exercises');
  if (new Set(s.exercises).size !== s.exercises.length) problems.push('duplicate_exercise');
  const opens = Date.parse(s.opensAt);
  const due = Date.parse(s.dueAt);
  if (Number.isNaN(opens)) problems.push('bad_opens_at');
  if (Number.isNaN(due)) problems.push('bad_due_at');
  if (!Number.isNaN(opens) && !Number.isNaN(due) && due <= opens) problems.push('due_before_opening');
  return { problems, unknownExercises };
}

/** The problems in English sentences, for the API's message. */
export function settingsProblemsEnglish(found: SettingsProblems): string {
  return found.problems
    .map((p) => PROBLEM_ENGLISH[p].replace('{ids}', found.unknownExercises.join(', ')))
    .join(' ');
}

/** One gradebook cell: a student's standing on one exercise. */
export interface GradebookCell {
  exerciseId: string;
  /** Accepted submissions, graded or not: what the attempt limit counts. */
  attempts: number;
  /** Submissions waiting for a grade (queued or being graded). */
  pending: number;
  /** Submissions the grading queue gave up on (an instructor can re-queue them). */
  failed: number;
  /** The best counted score; null before any counted submission. */
  score: number | null;
  maxScore: number | null;
  /** The submission that gave the best score (the earliest among equals). */
  bestSubmissionId: string | null;
  /** When the best submission came, and whether it was late. */
  submittedAt: string | null;
  late: boolean;
  lastSubmittedAt: string | null;
  anyLate: boolean;
  overridden: boolean;
}

/** Builds one cell from that student's submissions for that exercise (any order). */
export function gradebookCell(exerciseId: string, submissions: readonly Submission[]): GradebookCell {
  const mine = [...submissions]
    .filter((s) => s.exerciseId === exerciseId)
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  let best: Submission | null = null;
  for (const s of mine) {
    const score = countedScore(s);
    if (score !== null && (!best || score > countedScore(best)!)) best = s;
  }
  return {
    exerciseId,
    attempts: mine.length,
    pending: mine.filter((s) => s.state === 'queued' || s.state === 'grading').length,
    failed: mine.filter((s) => s.state === 'failed').length,
    score: best ? countedScore(best) : null,
    maxScore: best ? best.maxScore : null,
    bestSubmissionId: best?.id ?? null,
    submittedAt: best?.submittedAt ?? null,
    late: best?.late ?? false,
    lastSubmittedAt: mine.at(-1)?.submittedAt ?? null,
    anyLate: mine.some((s) => s.late),
    overridden: best?.override != null,
  };
}

/** The lab's id, title and settings with a phase, as students and instructors see them. */
export function labView(lab: Lab, now: Date): Lab & { phase: LabPhase } {
  return { ...lab, phase: labPhase(lab, now) };
}
