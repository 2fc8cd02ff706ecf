/**
 * Reads one message of the run stream and checks it against the contract (contract/stream.ts)
 * with the check generated from the schema (stream-guard.generated.ts), instead of trusting it.
 * N.B. BROWSER CODE.
 */
import type { StreamMessage } from '../../contract/stream.ts';
import { Check } from './stream-guard.generated.ts';

/** Returns true when the value is a StreamMessage as the contract defines it. */
export function isStreamMessage(value: unknown): value is StreamMessage {
  return Check(value) === true;
}

/** Returns the message in the text, or null when it is not JSON or not a StreamMessage. */
export function readStreamMessage(text: string): StreamMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return isStreamMessage(value) ? value : null;
}
