/**
 * Share links: `#viz=<scenario>@<step>` restores a guided scenario at a step; a learner's own
 * schedule is appended as `~G1.G2.G1` (ticks as `+<ns>`), so a level attempt can be shared too,
 * and the spin environment it was played in as `!2` or `!2i` (engine/spin.ts).
 */
import { replayMoves } from './run.ts';
import { seek, startSession, type Session } from './session.ts';
import { parseSpinCode, spinCode, type SpinChoice } from './spin.ts';
import type { Move, Scenario } from './types.ts';

/** A decoded share fragment. */
export interface ShareTarget {
  id: string;
  step: number;
  moves: Move[] | null;
  /** The spin environment the moves were played in, when the scenario offers a choice. */
  spin?: SpinChoice;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const G = /^[A-Za-z][A-Za-z0-9]{0,7}$/;

/** Encodes the fragment (without `#`). `moves` is omitted when the learner followed the script. */
export function encodeShare(
  id: string,
  step: number,
  moves: readonly Move[] | null,
  spin: SpinChoice | null = null,
): string {
  const tail = moves?.length
    ? `~${moves.map((m) => (typeof m === 'string' ? m : `+${m.tick}`)).join('.')}`
    : '';
  return `viz=${id}@${step}${tail}${spin ? `!${spinCode(spin)}` : ''}`;
}

/** Decodes `#viz=…`; null for anything else or anything malformed. */
export function decodeShare(hash: string): ShareTarget | null {
  const m = /^#?viz=([^@~!]+)@(\d{1,4})(?:~([A-Za-z0-9.+]{1,2000}))?(?:!(\w{1,4}))?$/.exec(hash);
  if (!m || !ID.test(m[1] ?? '')) return null;
  const spin = m[4] === undefined ? null : parseSpinCode(m[4]);
  if (m[4] !== undefined && !spin) return null;
  const moves: Move[] = [];
  for (const part of m[3]?.split('.') ?? []) {
    if (part.startsWith('+') && /^\+\d{1,12}$/.test(part)) moves.push({ tick: Number(part.slice(1)) });
    else if (G.test(part)) moves.push(part);
    else return null;
  }
  const target: ShareTarget = { id: m[1]!, step: Number(m[2]), moves: m[3] ? moves : null };
  return spin ? { ...target, spin } : target;
}

/** The session a share target describes, or null if its moves no longer replay in this scenario. */
export function sessionFromShare(s: Scenario, target: ShareTarget): Session | null {
  const session: Session = target.moves
    ? { history: target.moves.slice(0, target.step), future: target.moves.slice(target.step) }
    : seek(startSession(s), target.step);
  try {
    replayMoves(s, [...session.history, ...session.future]);
    return session;
  } catch {
    return null;
  }
}
