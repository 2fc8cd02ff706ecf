/**
 * Offline batch grading (`npm run lab -- grade <folder>`): reads a folder of submissions collected
 * elsewhere and turns grades into the gradebook's CSV rows. Layout:
 *   <folder>/<student-id>/student.json      optional: { "name": "…", "email": "…" }
 *   <folder>/<student-id>/<exercise-id>/*   the student's versions of the exercise's files
 * readSubmissionFolder is the I/O edge (no links followed, sizes capped); batchRows is pure.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GradeResult } from '../../../contract/grade.ts';
import type { Files } from '../../../contract/exercise/types.ts';
import type { GradebookCsvRow } from './csv.ts';

const MAX_FILE_BYTES = 256 * 1024;
const STUDENT_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export interface BatchSubmission {
  exerciseId: string;
  files: Files;
  /** The newest file's modification time: when the work was handed in, as far as we can know. */
  submittedAt: string;
}

export interface BatchStudent {
  studentId: string;
  name: string;
  email: string | null;
  submissions: BatchSubmission[];
}

export interface BatchFolder {
  students: BatchStudent[];
  /** Things skipped, each naming the path and why. */
  problems: string[];
}

const visible = (name: string) => !name.startsWith('.');

/** Reads the folder; anything unexpected is skipped with a problem, never followed or thrown. */
export function readSubmissionFolder(root: string): BatchFolder {
  const problems: string[] = [];
  const students: BatchStudent[] = [];
  for (const studentId of readdirSync(root).filter(visible).sort()) {
    const dir = join(root, studentId);
    if (!lstatSync(dir).isDirectory()) continue;
    if (!STUDENT_ID.test(studentId)) {
      problems.push(`${dir}: not a student ID folder name (letters, digits, . _ @ -)`);
      continue;
    }
    let name = studentId;
    let email: string | null = null;
    const info = join(dir, 'student.json');
    try {
      if (lstatSync(info, { throwIfNoEntry: false })?.isFile()) {
        const parsed = JSON.parse(readFileSync(info, 'utf8')) as { name?: unknown; email?: unknown };
        if (typeof parsed.name === 'string' && parsed.name.trim()) name = parsed.name.trim();
        if (typeof parsed.email === 'string' && parsed.email.trim()) email = parsed.email.trim();
      }
    } catch (error) {
      problems.push(`${info}: ${(error as Error).message}`);
    }
    const submissions: BatchSubmission[] = [];
    for (const exerciseId of readdirSync(dir).filter(visible).sort()) {
      const exDir = join(dir, exerciseId);
      if (!lstatSync(exDir).isDirectory()) continue;
      const files: Files = {};
      let newest = 0;
      for (const file of readdirSync(exDir).filter(visible).sort()) {
        const path = join(exDir, file);
        const stat = lstatSync(path);
        if (!stat.isFile()) {
          problems.push(`${path}: skipped (not a regular file)`);
          continue;
        }
        if (stat.size > MAX_FILE_BYTES) {
          problems.push(`${path}: skipped (larger than ${MAX_FILE_BYTES / 1024} KiB)`);
          continue;
        }
        files[file] = readFileSync(path, 'utf8');
        newest = Math.max(newest, stat.mtimeMs);
      }
      if (Object.keys(files).length === 0) {
        problems.push(`${exDir}: no files`);
        continue;
      }
      submissions.push({ exerciseId, files, submittedAt: new Date(newest).toISOString() });
    }
    students.push({ studentId, name, email, submissions });
  }
  return { students, problems };
}

/** One graded (or refused) submission of the batch. */
export interface BatchGrade {
  studentId: string;
  exerciseId: string;
  grade: Pick<GradeResult, 'score' | 'maxScore'> | null;
}

/**
 * The CSV rows: one per student and exercise of `exercises` (in that order), as the lab
 * gradebook writes them. Late when handed in after `dueAt` (if given); ungraded work scores empty.
 */
export function batchRows(
  lab: string,
  exercises: { id: string; maxScore: number }[],
  students: BatchStudent[],
  grades: BatchGrade[],
  dueAt: string | null,
): GradebookCsvRow[] {
  const rows: GradebookCsvRow[] = [];
  for (const s of students)
    for (const e of exercises) {
      const sub = s.submissions.find((x) => x.exerciseId === e.id);
      const grade = grades.find((g) => g.studentId === s.studentId && g.exerciseId === e.id)?.grade ?? null;
      rows.push({
        lab,
        student_id: s.studentId,
        name: s.name,
        email: s.email,
        exercise: e.id,
        score: grade ? grade.score : null,
        max_score: e.maxScore,
        attempts: sub ? 1 : 0,
        submitted_at: sub?.submittedAt ?? null,
        late: sub && dueAt ? Date.parse(sub.submittedAt) > Date.parse(dueAt) : false,
      });
    }
  return rows;
}
