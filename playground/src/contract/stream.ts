/**
 * Messages of the streaming endpoint (WebSocket GET /api/run/stream): the client sends one
 * RunRequest as JSON; the server answers with these, ending with `result` or `error`.
 * N.B. IMPORTED BY THE SERVER AND BY BROWSER CODE. Keep it free of Node APIs.
 */
import { Type, type Static } from 'typebox';
import { RunResult } from './run.ts';

export const Phase = Type.Union([Type.Literal('queued'), Type.Literal('building'), Type.Literal('running')]);
export type Phase = Static<typeof Phase>;

export const StreamMessage = Type.Union([
  Type.Object({
    type: Type.Literal('queued'),
    position: Type.Integer({ description: '1 = next to start.' }),
  }),
  Type.Object({ type: Type.Literal('phase'), phase: Phase }),
  Type.Object({
    type: Type.Literal('output'),
    stream: Type.Union([Type.Literal('stdout'), Type.Literal('stderr')]),
    data: Type.String(),
  }),
  Type.Object({ type: Type.Literal('result'), result: RunResult }),
  Type.Object({
    type: Type.Literal('error'),
    error: Type.String(),
    message: Type.String(),
    retryAfterS: Type.Optional(Type.Integer()),
  }),
]);
export type StreamMessage = Static<typeof StreamMessage>;
