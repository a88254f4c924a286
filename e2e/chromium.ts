/**
 * Which Chromium the browser tests use, and making sure there is one before they start (run by
 * `npm run test:e2e` first), so `npm test` passes on a fresh machine:
 * CHROMIUM_PATH when set; else Debian's /usr/bin/chromium; else Playwright's own browser. When none
 * exists and we are root on Debian (our machines and CI), Debian's Chromium is installed with
 * apt-get (Playwright cannot download its own browser here); otherwise the message says what to do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** How every run here launches it: headless, no sandbox (root in a container), no background traffic. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function chromiumPath(): string | undefined {
  return process.env.CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
}

const canApt = () => process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

function ensureChromium(): void {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return;
    process.stderr.write(`CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, but there is no file there.\n`);
    process.exit(1);
  }
  if (chromiumPath() || existsSync(chromium.executablePath())) return;
  if (!canApt()) {
    process.stderr.write(
      'No Chromium for the browser tests. Install one (Debian: sudo apt-get install chromium), set CHROMIUM_PATH to a Chromium, or run `npx playwright install chromium` where the internet is reachable.\n',
    );
    process.exit(1);
  }
  process.stdout.write('No Chromium found: installing Debian\'s chromium with apt-get (about 30 s)...\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], { stdio: 'inherit', env });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) ensureChromium();
