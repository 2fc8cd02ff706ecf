/**
 * The per-tab id the runner's fair queue counts as a client (with the address), sent by Run,
 * Test and Check, so several tabs on one machine queue separately.
 * N.B. BROWSER CODE.
 */

/** Returns this tab's id, made once per tab and kept in sessionStorage. */
export function clientId(): string {
  const key = 'lockstep:client';
  let id = sessionStorage.getItem(key);
  if (!id) {
    id = crypto.randomUUID().replace(/-/g, '').slice(0, 24);
    sessionStorage.setItem(key, id);
  }
  return id;
}
