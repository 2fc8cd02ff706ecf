/**
 * A benchmark's lab as PostgreSQL holds it: waiting until every submission has a grade, and
 * checking each grade against what was sent. Reads the database directly, not through the API, so
 * the figures are not slowed by the servers they measure.
 */
import type pg from 'pg';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until no submission of the lab is queued or being graded. */
export async function untilGraded(db: pg.Client, labId: string): Promise<void> {
  for (;;) {
    const left = Number(
      (
        await db.query(
          `SELECT count(*) AS n FROM submissions WHERE lab_id = $1 AND state NOT IN ('graded', 'failed')`,
          [labId],
        )
      ).rows[0].n,
    );
    if (left === 0) return;
    await pause(500);
  }
}

/**
 * Every stored grade (`<verdict> <status>`, or the state of one not graded) against what the work
 * of student i expects, i being the last part of the idempotency key; and the grading instants.
 */
export async function checkGrades(
  db: pg.Client,
  labId: string,
  work: readonly { expect: string }[],
  acked: number,
): Promise<{ wrong: string[]; graded: number[] }> {
  const rows = (
    await db.query(
      `SELECT idempotency_key, state, verdict, status, graded_at FROM submissions WHERE lab_id = $1`,
      [labId],
    )
  ).rows as { idempotency_key: string; state: string; verdict: string; status: string; graded_at: Date }[];
  const wrong: string[] = [];
  for (const r of rows) {
    const i = Number(r.idempotency_key.split('-').pop());
    const got = r.state === 'graded' ? `${r.verdict} ${r.status}` : r.state;
    if (got !== work[i]!.expect) wrong.push(`s-${i}: ${got}, expected ${work[i]!.expect}`);
  }
  if (rows.length !== acked) wrong.push(`${rows.length} stored for ${acked} acknowledged`);
  const graded = rows.filter((r) => r.graded_at).map((r) => new Date(r.graded_at).getTime());
  return { wrong, graded };
}
