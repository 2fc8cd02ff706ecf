/**
 * The grade stream of an exercise's Check (/api/grade/stream). The socket and its message checks
 * are components/playground/stream-socket.ts and components/exercise/grade-stream-check.ts.
 * N.B. BROWSER CODE.
 */
import type { GradeRequest } from '../../contract/grade.ts';
import type { GradeStreamMessage } from '../../contract/grade-stream.ts';
import { readGradeStreamMessage } from '../exercise/grade-stream-check.ts';
import { openStream, type StreamCallbacks, type StreamHandle } from '../playground/stream-socket.ts';

/** Grades the files over /api/grade/stream; the last message is a grade or an error. */
export function startGrade(body: GradeRequest, callbacks: StreamCallbacks<GradeStreamMessage>): StreamHandle {
  return openStream(
    '/api/grade/stream',
    body,
    readGradeStreamMessage,
    (m) => m.type === 'grade' || m.type === 'error',
    callbacks,
  );
}
