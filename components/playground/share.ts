/**
 * Share links: the files go into the URL fragment (never sent to the server), deflated and
 * base64url-encoded, so a link restores exactly what was shared.
 * N.B. BROWSER CODE (also runs in Node 24 tests: CompressionStream is standard there too).
 */
import type { Locale } from '../i18n/index.ts';
import { FILE_NAME } from '../../contract/file-name.ts';

const PREFIX = 'code=';
/** Fragments longer than this are refused: browsers and chat apps truncate very long URLs. */
export const MAX_FRAGMENT_CHARS = 32_000;

async function pipe(data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([data as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Returns the fragment (without '#') that carries these files. */
export async function encodeShare(files: Record<string, string>): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ v: 1, files }));
  const fragment = PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
  if (fragment.length > MAX_FRAGMENT_CHARS) throw new Error('The code is too large to share as a link.');
  return fragment;
}

/** Returns the files in a share fragment, or null when the fragment is not one of ours or is damaged. */
export async function decodeShare(fragment: string): Promise<Record<string, string> | null> {
  const text = fragment.replace(/^#/, '');
  if (!text.startsWith(PREFIX)) return null;
  try {
    const bytes = await pipe(
      fromBase64Url(text.slice(PREFIX.length)),
      new DecompressionStream('deflate-raw'),
    );
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { v?: number; files?: unknown };
    if (parsed.v !== 1 || typeof parsed.files !== 'object' || parsed.files === null) return null;
    const files: Record<string, string> = {};
    for (const [name, content] of Object.entries(parsed.files as Record<string, unknown>)) {
      if (typeof content !== 'string' || !FILE_NAME.test(name)) return null;
      files[name] = content;
    }
    return Object.keys(files).length > 0 ? files : null;
  } catch {
    return null;
  }
}

/** Returns the full-page playground's path in locale, carrying fragment (a share) when given. */
export function playgroundUrl(locale: Locale, fragment = ''): string {
  const prefix = locale === 'en' ? '' : `/${locale}`;
  return `${prefix}/playground/${fragment ? `#${fragment}` : ''}`;
}
