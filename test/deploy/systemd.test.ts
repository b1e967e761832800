/**
 * The systemd units in deploy/: systemd's own checker accepts them without a
 * warning (when systemd-analyze is installed; it warns about unknown keys
 * and bad values, shown below to work), and the service keeps the hardening
 * the README promises. The env file names only variables the README documents.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const deploy = resolve(import.meta.dirname, '../../deploy');
const UNITS = ['kommentar.service', 'kommentar-backup.service', 'kommentar-backup.timer'];
const analyze = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find(existsSync);

/** `systemd-analyze verify` on copies of the units; what it prints is the list of problems (it exits 0 on most). */
function verify(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kommentar-units-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const result = spawnSync(analyze!, ['verify', ...Object.keys(files).map((name) => join(dir, name))], { encoding: 'utf8' });
    return `${result.stdout}${result.stderr}`.trim() + (result.status === 0 ? '' : `\nexit ${result.status}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `Key=value` lines of a unit's [Service] section. */
function serviceSection(text: string): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  let inService = false;
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line.startsWith('[')) inService = line === '[Service]';
    const match = /^(\w+)=(.*)$/.exec(line);
    if (inService && match) keys.set(match[1]!, [...(keys.get(match[1]!) ?? []), match[2]!]);
  }
  return keys;
}

describe('deploy/ systemd units', () => {
  it.runIf(analyze)('pass systemd-analyze verify without a single warning', () => {
    const units = Object.fromEntries(UNITS.map((name) => [name, readFileSync(join(deploy, name), 'utf8')]));
    expect(verify(units)).toBe('');
    // The check is real: a misspelt key and a bad value are reported.
    const broken = units['kommentar.service']!.replace('ProtectSystem=strict', 'ProtectSistem=strict').replace('Restart=on-failure', 'Restart=sometimes');
    const problems = verify({ 'kommentar.service': broken });
    expect(problems).toMatch(/Unknown key 'ProtectSistem'/);
    expect(problems).toMatch(/restart specifier/);
  });

  it('run `kommentar serve` as a dedicated user with the promised hardening', () => {
    const service = serviceSection(readFileSync(join(deploy, 'kommentar.service'), 'utf8'));
    expect(service.get('User')).toEqual(['kommentar']);
    expect(service.get('ExecStart')?.[0]).toMatch(/kommentar\.js serve$/);
    expect(service.get('EnvironmentFile')).toEqual(['/etc/kommentar/kommentar.env']);
    expect(service.get('NoNewPrivileges')).toEqual(['true']);
    expect(service.get('ProtectSystem')).toEqual(['strict']);
    expect(service.get('ReadWritePaths')).toEqual(['/var/lib/kommentar']);
    expect(service.get('Restart')).toEqual(['on-failure']);
    expect(service.get('KillSignal')).toEqual(['SIGTERM']);
    // The database named in the env file lies in the one writable folder.
    const env = readFileSync(join(deploy, 'kommentar.env'), 'utf8');
    expect(env).toMatch(/^KOMMENTAR_DB_URL=file:\/var\/lib\/kommentar\//m);
  });

  it('name only documented variables in the env file', () => {
    const readme = readFileSync(resolve(deploy, '../README.md'), 'utf8');
    const names = [...readFileSync(join(deploy, 'kommentar.env'), 'utf8').matchAll(/^#?([A-Z_]+)=/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(readme, name).toContain(`\`${name}\``);
  });
});

