/**
 * Who a lab request counts against, for rate limits and for the run queue's fairness. A caller
 * whose key or token was verified is its own identity (the student row, or the lab's instructor),
 * so a class behind one address is many identities. Anyone else is their address: a made-up token
 * earns nothing, since every unverified request from an address shares that address's allowance.
 * The keys hold ids, never the secret or its hash, so logs and maps can show them.
 */

/** The part of a verified lab caller the key needs (LabCaller in labs/service.ts). */
export type VerifiedCaller =
  | { role: 'instructor'; lab: { id: string } }
  | { role: 'student'; lab: { id: string }; student: { row: number } };

/** student:<lab>/<row>, instructor:<lab>, or address:<ip> for an unverified request. */
export function callerKey(caller: VerifiedCaller | null, address: string): string {
  if (caller === null) return `address:${address}`;
  return caller.role === 'student'
    ? `student:${caller.lab.id}/${caller.student.row}`
    : `instructor:${caller.lab.id}`;
}
