/**
 * What a <lockstep-playground> is given and the facts derived from it: the decoded
 * data-playground attribute, whether the files hold tests, which tab an arrow key moves to, what a
 * new file starts with and how tall the editor is. Pure (no DOM), so the element, the view and
 * the tabs stay thin and these rules are tested without a browser.
 */
import { FILE_NAME } from '../../contract/file-name.ts';

export type Files = Record<string, string>;

/** One course example in the full-page playground's picker. */
export interface PlaygroundExample {
  id: string;
  title: string;
  files: Files;
  action: 'run' | 'test';
  race: boolean;
  /** The oldest Go that builds it ("1.25"), when newer than the oldest the course supports. */
  go?: string;
}

/** The data-playground attribute, as the site build and the lab pages write it (base64 JSON). */
export interface PlaygroundData {
  files: Files;
  action: 'run' | 'test';
  expect?: string;
  title?: string;
  height?: number;
  readonly?: boolean;
  norace?: boolean;
  /** Full-page playground: restore a shared link from the URL fragment, allow adding files. */
  page?: boolean;
  /** Files shown but not editable (an exercise's tests and go.mod). */
  readonlyFiles?: string[];
  /** Inside an exercise: no Share / Open in playground (the exercise page is the place). */
  embedded?: boolean;
  /** Full-page playground: the course's examples for the picker. */
  examples?: PlaygroundExample[];
  example?: string;
  /** The oldest Go that builds these files ("1.25"): an older runner gets a note before Run. */
  go?: string;
}

/** Returns the data in a data-playground attribute, or null when it is missing or unreadable. */
export function decodeData(attr: string | null): PlaygroundData | null {
  if (!attr) return null;
  try {
    const bytes = Uint8Array.from(atob(attr), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as PlaygroundData;
  } catch {
    return null;
  }
}

/** Returns true when the files include a Go test file (the Test button is shown only then). */
export function hasTests(files: Files): boolean {
  return Object.keys(files).some((f) => f.endsWith('_test.go'));
}

/** Returns the tab an arrow key moves to from current (wrapping around), or null for other keys. */
export function tabAfter(names: readonly string[], current: string, key: string): string | null {
  const i = names.indexOf(current);
  if (i < 0 || names.length === 0) return null;
  if (key === 'ArrowRight') return names[(i + 1) % names.length]!;
  if (key === 'ArrowLeft') return names[(i - 1 + names.length) % names.length]!;
  return null;
}

/**
 * Returns what a file added under name starts with, or null when the name is not allowed. A Go
 * file joins the package of the first file, so it compiles beside it at once.
 */
export function newFileSource(name: string, files: Files): string | null {
  // The server's own rule (contract/file-name.ts), so a name the runner would refuse is never added.
  if (!FILE_NAME.test(name)) return null;
  if (!name.endsWith('.go')) return '';
  const pkg = /^package\s+(\w+)/m.exec(Object.values(files)[0] ?? '')?.[1] ?? 'main';
  return `package ${pkg}\n`;
}

/** Editor line height and padding in pixels (Monaco's, at the playground's font size). */
const LINE_PX = 21;
const PADDING_PX = 12;
/** Taller files scroll inside the editor instead of pushing the page. */
const MAX_LINES = 32;

/** Returns the editor's height in pixels: the given height in lines, else the longest file's plus one. */
export function editorHeight(files: Files, height?: number): number {
  const lines = Math.max(...Object.values(files).map((f) => f.split('\n').length));
  return Math.min(height ?? lines + 1, MAX_LINES) * LINE_PX + PADDING_PX;
}
