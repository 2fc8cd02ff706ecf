/**
 * Records, on every chapter page, that the learner opened it ("continue where you left off") and,
 * once the end of the chapter has been on screen, that it was read.
 * N.B. BROWSER CODE, loaded on every docs page.
 */
import { markChapterRead, updateProgress, visit } from './progress.ts';
import { neutralPath } from './catalog.ts';

const CHAPTER = /^\/(locks|maps)\/[^/]+\/$/;

function track(): void {
  const path = neutralPath(location.pathname);
  if (!CHAPTER.test(path)) return;
  const title = document.querySelector('h1')?.textContent?.trim() ?? document.title;
  updateProgress((p) => visit(p, location.pathname, title));
  const content = document.querySelector('.sl-markdown-content');
  const end = content?.lastElementChild;
  if (!end) return;
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      observer.disconnect();
      updateProgress((p) => markChapterRead(p, path));
    }
  });
  observer.observe(end);
}

track();
