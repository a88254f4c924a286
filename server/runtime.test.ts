import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './config.ts';
import { SERVER_APP, SERVER_ENV, SERVER_NODE_FLAGS } from './runtime.ts';

const scripts = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The command starts Node with the server's environment and flags. */
function expectServerFlags(command: string): void {
  for (const [key, value] of Object.entries(SERVER_ENV)) expect(command).toContain(`${key}=${value} node `);
  for (const flag of SERVER_NODE_FLAGS) expect(command).toContain(` ${flag} `);
}

describe('the server is started the same way everywhere', () => {
  it('npm start starts the built server with the server flags and environment (the bench and npm run cluster import them)', () => {
    // The last command of the script is the one that starts the server.
    const command = scripts.start!.split('&&').at(-1)!.trim();
    expect(command.endsWith(` ${SERVER_APP}`)).toBe(true);
    expect(command).not.toContain('tsx');
    expectServerFlags(command);
  });

  it('the soak runs the app in a process started as the server is (its memory limit was measured so)', () => {
    const command = scripts.soak!;
    expect(command).toMatch(/ e2e\/soak\/soak\.ts$/);
    expectServerFlags(command);
  });
});
