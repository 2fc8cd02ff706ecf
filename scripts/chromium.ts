/**
 * Launch options for Debian's Chromium (no browser downloads on our machines). Used by the
 * Mermaid renderer and by Playwright.
 */
import { existsSync } from 'node:fs';

/** Where Debian installs Chromium; CHROMIUM_PATH overrides it. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Flags that keep Chromium quiet on a closed network and working as root in containers. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Returns Playwright launch options, or throws a message naming the fix when Chromium is missing. */
export function chromiumLaunchOptions(): { executablePath: string; args: string[]; headless: true } {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. Install it with: sudo apt-get install -y chromium ` +
        '(or set CHROMIUM_PATH).',
    );
  }
  return { executablePath, args: CHROMIUM_ARGS, headless: true };
}
