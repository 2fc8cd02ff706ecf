/**
 * Calls back once, when an element comes within a margin of the viewport: what a playground needs
 * (its editor) loads as the learner scrolls to it, not with the page.
 * N.B. BROWSER CODE.
 */

/** How far before the viewport the element counts as near, so the editor is ready on arrival. */
const NEAR_MARGIN = '200px';

export function whenNearViewport(el: Element, near: () => void): void {
  const io = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        near();
      }
    },
    { rootMargin: NEAR_MARGIN },
  );
  io.observe(el);
}
