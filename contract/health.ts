/**
 * GET /api/health: can this server run code right now, and if not, exactly why.
 * N.B. IMPORTED BY THE SERVER AND BY BROWSER CODE. Keep it free of Node APIs.
 */
import { Type, type Static } from 'typebox';

export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')], {
    description: 'degraded: the site is served but code cannot run (see sandbox.reason).',
  }),
  role: Type.Union([Type.Literal('all'), Type.Literal('web'), Type.Literal('worker')], {
    description:
      'What this server does (LOCKSTEP_ROLE): all; web (site and lab API, no sandbox: sandbox.available is false); worker (runs, checks and lab grading, no site).',
  }),
  go: Type.Object({ version: Type.String({ description: 'Empty on a web server, which has no Go.' }) }),
  sandbox: Type.Object({
    mode: Type.Union([Type.Literal('bwrap'), Type.Literal('none')]),
    available: Type.Boolean(),
    reason: Type.String({ description: 'Why the sandbox is (un)available, with the fix when it is not.' }),
    cgroup: Type.String(),
  }),
  tracing: Type.Object(
    {
      available: Type.Boolean({
        description:
          'Whether a run or test may ask for trace: true now (else it is refused, 503 trace_unavailable).',
      }),
      reason: Type.Optional(
        Type.Union([Type.Literal('sandbox_unavailable'), Type.Literal('converter_unavailable')], {
          description:
            'Only when not available: sandbox_unavailable (no code runs here, see sandbox.reason); converter_unavailable (the trace converter could not be built, e.g. golang.org/x/exp neither in the module cache nor reachable through GOPROXY; until the server restarts).',
        }),
      ),
      converter: Type.Union(
        [Type.Literal('not_built'), Type.Literal('building'), Type.Literal('ready'), Type.Literal('failed')],
        {
          description:
            "The converter's build: not_built (nothing asked for it yet; the warm-up or the first traced job starts it), building (traced jobs wait for it), ready, failed.",
        },
      ),
    },
    {
      description:
        "The goroutine timeline (trace: true): can this server record and convert a program's execution trace.",
    },
  ),
  limits: Type.Record(Type.String(), Type.Number(), {
    description: 'Limits in force, with units in the key.',
  }),
  cache: Type.Object({
    state: Type.Union([
      Type.Literal('cold'),
      Type.Literal('warming'),
      Type.Literal('warm'),
      Type.Literal('failed'),
    ]),
    detail: Type.String(),
  }),
  queue: Type.Object(
    {
      running: Type.Integer({ description: 'Runs in the sandbox now.' }),
      waiting: Type.Integer({ description: 'Runs waiting for a slot now.' }),
      concurrency: Type.Integer({ description: 'Runs at once (LOCKSTEP_CONCURRENCY).' }),
      perClientWaiting: Type.Integer({
        description:
          'Runs one client may have waiting besides its one running run (LOCKSTEP_QUEUE_PER_CLIENT). A client ' +
          'is the address plus the per-tab id a browser sends (x-lockstep-client, or ?client= on a WebSocket).',
      }),
      maxWaiting: Type.Integer({ description: 'Runs waiting across all clients (LOCKSTEP_QUEUE_MAX).' }),
    },
    {
      description:
        'The fair queue in front of the sandbox, for Run, Test and the exercise Check alike (a Check is one ' +
        'or more runs, queued one at a time). While there is room a request waits and is told its place ' +
        '(`queued` on the streams); beyond perClientWaiting or maxWaiting it is refused with 429 queue_full ' +
        'and a Retry-After. Lab submissions are not refused: they wait in the grading queue (grading).',
    },
  ),
  grading: Type.Optional(
    Type.Union(
      [Type.Object({ queued: Type.Integer(), grading: Type.Integer(), failed: Type.Integer() }), Type.Null()],
      {
        description:
          'Lab submissions in the grading queue (every server sharing the database): waiting, being graded, and failed to grade. null when the lab database cannot be asked right now.',
      },
    ),
  ),
  server: Type.Object(
    {
      rssMiB: Type.Number({ description: 'Resident memory of the server process.' }),
      heapUsedMiB: Type.Number({ description: 'Live JavaScript heap (what a leak would grow).' }),
      uptimeS: Type.Number(),
    },
    { description: 'The server process itself (not the sandboxed programs).' },
  ),
});
export type Health = Static<typeof Health>;
