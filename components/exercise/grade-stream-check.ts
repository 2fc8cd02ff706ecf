/**
 * Reads one message of the grade stream (GET /api/grade/stream) and checks it against the
 * contract (contract/grade-stream.ts) with the check generated from the schema
 * (grade-stream-guard.generated.ts, `npm run gen:stream-guard`), instead of trusting it.
 * N.B. BROWSER CODE.
 */
import type { GradeStreamMessage } from '../../contract/grade-stream.ts';
import { Check } from './grade-stream-guard.generated.ts';

/** Returns true when the value is a GradeStreamMessage as the contract defines it. */
export function isGradeStreamMessage(value: unknown): value is GradeStreamMessage {
  return Check(value) === true;
}

/** Returns the message in the text, or null when it is not JSON or not a GradeStreamMessage. */
export function readGradeStreamMessage(text: string): GradeStreamMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return isGradeStreamMessage(value) ? value : null;
}
