/**
 * npm run lab -- grade <folder> [--exercises a,b] [--lab <name>] [--due <ISO instant>] [--out <file.csv>] [--locale en|zh-cn]
 * npm run lab -- backup <file>
 *
 * grade: grades a folder of submissions collected outside Lockstep with the same grader as labs (the
 * sandbox, hidden tests, -race) and writes the gradebook CSV (stdout unless --out). The folder
 * layout is documented in playground/src/labs/batch.ts and the README. Exit status: 0 when every
 * submission was graded, 1 when some could not be (they are listed, the CSV is still written),
 * 2 on bad usage or when code cannot run here. Uses LOCKSTEP_DATA_DIR (default .data). --locale
 * (default en) words the grades' texts and the refusals of submissions (error codes, through the
 * browser's errorText); the tool's own messages are English.
 *
 * backup: copies the embedded lab database (LOCKSTEP_LABS_DB) to a new file while the server keeps
 * running, through SQLite's online backup, so the copy is consistent even mid-write. For
 * PostgreSQL (LOCKSTEP_DATABASE_URL) it says to use pg_dump, the engine's own tool.
 */
import { writeFileSync, existsSync, statSync } from 'node:fs';
import { backup, DatabaseSync } from 'node:sqlite';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../playground/src/config.ts';
import { createSandboxedRunService } from '../playground/src/sandboxed-run-service.ts';
import { exerciseCatalog, loadExercises } from '../contract/exercise/load.ts';
import { gradeSubmission } from '../playground/src/grading/grader.ts';
import { batchRows, readSubmissionFolder, type BatchGrade } from '../playground/src/labs/batch.ts';
import { gradebookCsv } from '../playground/src/labs/csv.ts';
import { RequestError } from '../playground/src/errors.ts';
import { errorText } from '../components/i18n/error-text.ts';
import { LOCALES, type Locale } from '../components/i18n/locale.ts';

const USAGE = [
  'usage: npm run lab -- grade <folder> [--exercises id,id] [--lab name] [--due 2026-12-01T09:00:00Z] [--out grades.csv] [--locale en|zh-cn]',
  '       npm run lab -- backup <file>',
].join('\n');

/** Copies the SQLite lab database to `target` (a new file); the exit status. */
async function backupLabs(target: string): Promise<number> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  if (config.LOCKSTEP_DATABASE_URL) {
    console.error(
      'lab: the labs are in PostgreSQL (LOCKSTEP_DATABASE_URL); back them up with its own tool, for example\n' +
        '  pg_dump --format=custom --file=labs.dump "$LOCKSTEP_DATABASE_URL"\n' +
        'and restore with pg_restore --dbname=<empty database> labs.dump.',
    );
    return 2;
  }
  const source = config.LOCKSTEP_LABS_DB;
  if (!existsSync(source)) {
    console.error(`lab: there is no lab database at ${source} (set LOCKSTEP_LABS_DB or LOCKSTEP_DATA_DIR).`);
    return 2;
  }
  const out = resolve(target);
  if (existsSync(out)) {
    console.error(`lab: ${target} exists; name a new file, so no backup is overwritten.`);
    return 2;
  }
  const db = new DatabaseSync(source, { readOnly: true });
  try {
    const pages = await backup(db, out);
    console.error(`lab: backed up ${source} to ${out} (${pages} pages).`);
    return 0;
  } catch (error) {
    console.error(`lab: the backup failed: ${(error as Error).message}`);
    return 1;
  } finally {
    db.close();
  }
}

/** The --locale asked for, or null (said on stderr) when the site has no such locale. */
function localeArg(value: string): Locale | null {
  if ((LOCALES as readonly string[]).includes(value)) return value as Locale;
  console.error(`lab: --locale ${value} is not one of ${LOCALES.join(', ')}.\n${USAGE}`);
  return null;
}

/** Why a submission was not graded: a refusal's code worded as the browser words it, else the error's text. */
function failureText(locale: Locale, error: unknown): string {
  return error instanceof RequestError ? errorText(locale, error) : (error as Error).message;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        exercises: { type: 'string' },
        lab: { type: 'string' },
        due: { type: 'string' },
        out: { type: 'string' },
        locale: { type: 'string', default: 'en' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, folder] = parsed.positionals;
  if (command === 'backup' && folder) return backupLabs(folder);
  if (command !== 'grade' || !folder) {
    console.error(USAGE);
    return 2;
  }
  const root = resolve(folder);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    console.error(`lab: ${folder} is not a folder.\n${USAGE}`);
    return 2;
  }
  const locale = localeArg(parsed.values.locale);
  if (!locale) return 2;
  const due = parsed.values.due ?? null;
  if (due !== null && Number.isNaN(Date.parse(due))) {
    console.error(`lab: --due ${due} is not a date; use an ISO instant such as 2026-12-01T09:00:00Z.`);
    return 2;
  }
  const catalog = exerciseCatalog(loadExercises());
  const { students, problems } = readSubmissionFolder(root);
  const seen = [...new Set(students.flatMap((s) => s.submissions.map((x) => x.exerciseId)))].sort();
  const ids = parsed.values.exercises ? parsed.values.exercises.split(',').map((x) => x.trim()) : seen;
  const unknown = [...new Set([...ids, ...seen])].filter((id) => !catalog.has(id));
  for (const id of unknown)
    problems.push(`exercise "${id}": not in content/exercises; its folders are not graded`);
  const exercises = ids
    .filter((id) => catalog.has(id))
    .map((id) => ({ id, maxScore: catalog.get(id)!.grading.tests.reduce((n, t) => n + t.weight, 0) }));

  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const service = createSandboxedRunService(config);
  const grades: BatchGrade[] = [];
  try {
    const health = await service.health();
    if (!health.sandbox.available) {
      console.error(`lab: code cannot run here: ${health.sandbox.reason}`);
      return 2;
    }
    for (const s of students)
      for (const sub of s.submissions) {
        const exercise = catalog.get(sub.exerciseId);
        if (!exercise || !ids.includes(sub.exerciseId)) continue;
        try {
          const grade = await gradeSubmission(service, exercise, sub.files, { client: 'lab-batch', locale });
          grades.push({ studentId: s.studentId, exerciseId: sub.exerciseId, grade });
          console.error(
            `${s.studentId} ${sub.exerciseId}: ${grade.score}/${grade.maxScore} (${grade.status})`,
          );
        } catch (error) {
          grades.push({ studentId: s.studentId, exerciseId: sub.exerciseId, grade: null });
          problems.push(`${s.studentId}/${sub.exerciseId}: not graded: ${failureText(locale, error)}`);
        }
      }
  } finally {
    await service.close();
  }
  const csv = gradebookCsv(batchRows(parsed.values.lab ?? basename(root), exercises, students, grades, due));
  if (parsed.values.out) writeFileSync(parsed.values.out, csv);
  else process.stdout.write(csv);
  for (const p of problems) console.error(`✗ ${p}`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = await main();
