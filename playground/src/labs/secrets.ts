/**
 * Keys and tokens: random, shown once, stored only as SHA-256 hashes. The instructor key is
 * compared in constant time; student tokens are looked up by their hash, so the lookup never
 * compares secret text.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret with a readable prefix (lsk_ instructor key, lst_ student token). */
export function newSecret(prefix: 'lsk' | 'lst'): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

/** A short random id for labs and submissions: not secret, just unguessable enough not to list. */
export function newId(bytes = 9): string {
  return randomBytes(bytes).toString('base64url');
}

/** The hex SHA-256 of a secret, the only form that is stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Does `secret` hash to `storedHash`? Constant-time in the secret's content. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The bearer secret of a request's Authorization header, or null. */
export function bearer(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header ?? '');
  return match ? match[1]! : null;
}
