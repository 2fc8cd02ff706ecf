/** Use case: the instructor's gradebook, as the API's view and as a CSV download. */
import type { Locale } from '../../../contract/grade.ts';
import type { Gradebook } from '../../../contract/labs.ts';
import { gradebookCsv, type GradebookCsvRow } from './csv.ts';
import { exerciseMaxScore, studentView, type LabCaller, type LabContext } from './service-context.ts';

export async function gradebook(ctx: LabContext, caller: LabCaller, locale: Locale): Promise<Gradebook> {
  const l = ctx.instructorOnly(caller);
  const students = await ctx.store.students(l.id);
  const subs = await ctx.store.submissions(l.id);
  const ids = new Map(students.map((s) => [s.row, s.studentId]));
  return {
    lab: ctx.toView(l, locale),
    rows: students.map((s) => ({
      student: studentView(s),
      cells: ctx.cells(
        l,
        subs.filter((x) => x.studentRow === s.row),
      ),
    })),
    submissions: subs.map((s) => ctx.summary(s, ids.get(s.studentRow) ?? '')),
  };
}

export async function gradebookAsCsv(ctx: LabContext, caller: LabCaller): Promise<string> {
  const l = ctx.instructorOnly(caller);
  const subs = await ctx.store.submissions(l.id);
  const rows: GradebookCsvRow[] = [];
  for (const s of await ctx.store.students(l.id)) {
    const mine = subs.filter((x) => x.studentRow === s.row);
    for (const c of ctx.cells(l, mine)) {
      const exercise = ctx.exercises.get(c.exerciseId);
      rows.push({
        lab: l.title,
        student_id: s.studentId,
        name: s.name,
        email: s.email,
        exercise: c.exerciseId,
        score: c.score,
        max_score: c.maxScore ?? (exercise ? exerciseMaxScore(exercise) : null),
        attempts: c.attempts,
        submitted_at: c.submittedAt,
        late: c.late,
      });
    }
  }
  return gradebookCsv(rows);
}
