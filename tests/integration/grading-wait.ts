/**
 * Waits, for tests, until the grading queue has done its work: asks again and again (with a short
 * pause, so a busy machine is not hammered) until the answer satisfies `done`. No deadline of its
 * own: the test's timeout bounds it, so a slow machine is never a failure.
 */
export async function until<T>(
  ask: () => Promise<T>,
  done: (value: T) => boolean,
  pauseMs = 250,
): Promise<T> {
  for (;;) {
    const value = await ask();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}

/** States in which a submission will change no more (without an instructor). */
export const settled = (s: { state: string }): boolean => s.state === 'graded' || s.state === 'failed';
