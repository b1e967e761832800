/** The built `kommentar` command as a real child process. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
export const CLI = resolve(root, 'bin/kommentar.js');

/** Builds dist/ so process tests also work under a bare `vitest run`. */
export function ensureBuilt(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, env: { ...process.env, KOMMENTAR_QUIET_BUILD: '1' }, stdio: 'inherit' });
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
}

/** Starts `kommentar serve [args]` on an ephemeral port and resolves once it prints its URL. */
export function startServeProcess(env: Record<string, string>, cwd = root, args: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { cwd, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', KOMMENTAR_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return untilListening(child);
}

/** Resolves once a `kommentar serve` child prints the URL it listens on; rejects with its output if it exits first. */
export function untilListening(child: ChildProcess): Promise<ServeProcess> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolvePromise({ child, url: match[1]! });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`kommentar serve exited with ${code}: ${output}`)));
  });
}

export function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolvePromise) => child.once('exit', (code) => resolvePromise(code)));
}
