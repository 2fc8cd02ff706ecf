// The incorrect Do that the comment on Do in Go's src/sync/once.go warns about:
//
//   if o.done.CompareAndSwap(false, true) { f() }
//
// The comment's point (Go 1.24–1.26), in our words: of two callers at once, the CAS winner runs f while
// the loser returns at once, before f has finished, breaking Do's promise; hence Go's slow path takes a
// mutex and stores done only after f returns.
// So here done is set by the CAS, before f runs; a caller that loses the CAS returns in that same
// step, whether or not f has finished; no o.m is taken, and a Do inside f just loses its CAS.

import { body, endPanic, message, next, type Step } from './step.ts';

/** f ran to its end: what it sets is set, and the winner's Do returns. */
function finish(st: Step): void {
  st.s = { ...st.s, runner: null, returned: true };
  st.g = next(st.g);
}

/** The CAS on done, the whole of this Do apart from f: the winner calls f, a loser returns at once. */
export function casDo(st: Step): void {
  const id = st.g.id;
  const runner = st.s.runner;
  if (st.s.done) {
    st.g = next(st.g);
    if (runner) st.tell('once.cas.lost', { g: id, runner });
    else st.tell('once.cas.lost.after', { g: id });
    return;
  }
  st.s = { ...st.s, done: 1, runner: id };
  st.g = { ...st.g, pc: 'f', fIp: 0 };
  st.tell('once.cas.won', { g: id });
  if (!body(st.op).length) {
    finish(st);
    st.tell('once.cas.f.return', { g: id });
  }
}

/** One statement of f under the CAS-only Do. */
export function casF(st: Step): void {
  const id = st.g.id;
  const f = body(st.op);
  const stmt = f[st.g.fIp];
  if (stmt === 'panic') {
    // Nothing is deferred: done was set by the CAS, and the panic goes straight to the caller.
    st.s = { ...st.s, runner: null };
    st.g = { ...st.g, panicking: true };
    st.tell('once.cas.f.panic', { g: id, message: message(st.op) });
    endPanic(st);
    return;
  }
  st.tell(stmt === 'do' ? 'once.cas.nested' : 'once.f.work', { g: id });
  const fIp = st.g.fIp + 1;
  st.g = { ...st.g, fIp };
  if (fIp < f.length) return;
  finish(st);
  st.tell('once.cas.f.return', { g: id });
}
