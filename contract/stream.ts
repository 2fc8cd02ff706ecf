/**
 * Messages of the streaming endpoint (WebSocket GET /api/run/stream): the client sends one
 * RunRequest as JSON; the server answers with these, ending with `result` or `error`. Output is
 * text for people, formatted once on the server (playground/src/output/learner-output.ts), so a
 * client writes it to a terminal as it comes and never redraws it from the result.
 * N.B. IMPORTED BY THE SERVER AND BY BROWSER CODE. Keep it free of Node APIs.
 */
import { Type, type Static } from 'typebox';
import { Goroutine, RunResult, StopCode } from './run.ts';
import { ErrorCodeSchema, ErrorParamsSchema } from './errors.ts';

export const Phase = Type.Union([Type.Literal('queued'), Type.Literal('building'), Type.Literal('running')]);
export type Phase = Static<typeof Phase>;

export const StreamMessage = Type.Union(
  [
    Type.Object({
      type: Type.Literal('queued'),
      position: Type.Integer({ description: '1 = next to start.' }),
    }),
    Type.Object({ type: Type.Literal('phase'), phase: Phase }),
    Type.Object(
      {
        type: Type.Literal('output'),
        stream: Type.Union([Type.Literal('stdout'), Type.Literal('stderr')]),
        data: Type.String({
          description:
            'Text for people, in pieces as the program writes it: the pieces of a stream joined are the ' +
            "result's stdout or stderr. For action `test`, stdout is what `go test -v` prints " +
            '("=== RUN", "--- PASS", "--- FAIL", "ok"/"FAIL"), never test2json events; the per-test ' +
            'results are in the final `result` (tests[]). Paths have the sandbox directory removed, and the ' +
            'runtime dump of a program stopped by the sandbox is cut: a `stopped` message stands for it.',
        }),
      },
      {
        description:
          "Output of the program or test binary as it runs. The compiler's messages of a failed build " +
          'are not streamed; they are in the result.',
      },
    ),
    Type.Object(
      {
        type: Type.Literal('stopped'),
        code: StopCode,
        goroutines: Type.Array(Goroutine),
      },
      {
        description:
          "The sandbox stopped the program (SIGQUIT): why, and the program's goroutines at that moment, " +
          "sent after the output where the runtime dump was; equal to the result's stop.code and goroutines. " +
          'A client words it in its own language below the stderr text.',
      },
    ),
    Type.Object({ type: Type.Literal('result'), result: RunResult }),
    Type.Object({
      type: Type.Literal('error'),
      error: ErrorCodeSchema,
      message: Type.String({ description: 'A short English sentence for API users.' }),
      params: Type.Optional(ErrorParamsSchema),
      retryAfterS: Type.Optional(Type.Integer()),
    }),
  ],
  {
    description:
      'The messages of the WebSocket GET /api/run/stream (send one RunRequest as JSON first): queued, ' +
      'phase and output as the run goes, then one result or error. `output` is text for people whose ' +
      'pieces add up to the stdout and stderr of the final result, and `stopped` (at most one, after ' +
      "the output) is the result's stop with its goroutines; the structured per-test results are only in " +
      'the result.',
  },
);
export type StreamMessage = Static<typeof StreamMessage>;
