/**
 * The layout the README draws, checked on the source: routes → domain → storage,
 * SQL only in server/db/, the dialogue metrics free of I/O, and the server
 * independent of the example blog. A failure names the file and the line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

/** Source files under `dir` (relative to the repository), without build output. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !/(^|\/)(_site|node_modules|dist|\.data|\.cache)\//.test(path));
}

/** The text with comments blanked out (line numbers kept), so prose about SQL or imports does not count. */
function code(path: string): string {
  return readFileSync(join(root, path), 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`\\])\/\/.*$/gm, (match, lead: string | undefined) =>
    (lead ?? '') + match.slice((lead ?? '').length).replace(/[^\n]/g, ' '),
  );
}

/** Every module specifier a file imports or re-exports (static and dynamic), with its line and whether only types come from it. */
function imports(path: string): { specifier: string; line: number; typeOnly: boolean }[] {
  const text = code(path);
  const found: { specifier: string; line: number; typeOnly: boolean }[] = [];
  for (const match of text.matchAll(/(?:(?<!['"\w.])from\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) {
    const line = text.slice(0, match.index).split('\n').length;
    // The statement this specifier ends: from its `import`/`export` keyword to here.
    const statement = text.slice(Math.max(text.lastIndexOf('import', match.index), text.lastIndexOf('export', match.index)), match.index);
    found.push({ specifier: match[1]!, line, typeOnly: /^(import|export)\s+type\b/.test(statement) });
  }
  return found;
}

/** Where a relative specifier points, as a repository path; bare specifiers stay as they are. */
function target(from: string, specifier: string): string {
  return specifier.startsWith('.') ? relative(root, resolve(root, dirname(from), specifier)).split(sep).join('/') : specifier;
}

/** The top-level folder of server/ a path lies in ("server/comments/x.ts" → "comments"), or null. */
const serverFolder = (path: string) => /^server\/([^/]+)\//.exec(path)?.[1] ?? null;

/** SQL as this code base writes it: upper-case keywords at the start of a statement. */
const SQL = /\b(SELECT\s+(?:[\w*(]|DISTINCT)|INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)|ALTER\s+TABLE|DROP\s+(?:TABLE|INDEX)|PRAGMA\s+\w)/;

const PRODUCT = ['server', 'plugin', 'bench', 'site-example', 'scripts'].flatMap(sources);

describe('the layout', () => {
  it('keeps SQL and the database client in server/db/', () => {
    const offenders: string[] = [];
    for (const path of PRODUCT.filter((p) => !p.startsWith('server/db/'))) {
      code(path)
        .split('\n')
        .forEach((line, i) => {
          if (SQL.test(line)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
        });
      for (const { specifier, line } of imports(path)) {
        if (specifier.startsWith('@libsql/')) offenders.push(`${path}:${line}: imports ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps server/dialogue/ pure: it imports only its own modules', () => {
    const offenders = sources('server/dialogue').flatMap((path) =>
      imports(path)
        .filter(({ specifier }) => !target(path, specifier).startsWith('server/dialogue/'))
        .map(({ specifier, line }) => `${path}:${line}: imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps HTTP out of the domain and storage: only routes/, cli/ and the composing app.ts import http/ or routes/', () => {
    const outer = new Set(['http', 'routes', 'cli']);
    const offenders = sources('server')
      .filter((path) => serverFolder(path) !== null && !outer.has(serverFolder(path)!))
      .flatMap((path) =>
        imports(path)
          .filter(({ specifier }) => /^server\/(http|routes)\//.test(target(path, specifier)))
          .map(({ specifier, line }) => `${path}:${line}: imports ${specifier}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps storage below the domain: server/db/ imports no other server folder', () => {
    const offenders = sources('server/db').flatMap((path) =>
      imports(path)
        .filter(({ specifier }) => specifier.startsWith('.') && !target(path, specifier).startsWith('server/db/'))
        .map(({ specifier, line }) => `${path}:${line}: imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps the widget's browser code to the browser: no Node modules, nothing outside server/widget/ but the message format", () => {
    const offenders = sources('server/widget/browser').flatMap((path) =>
      imports(path)
        .filter(({ specifier, typeOnly }) => !typeOnly && !target(path, specifier).startsWith('server/widget/') && target(path, specifier) !== 'server/i18n/message.js')
        .map(({ specifier, line }) => `${path}:${line}: imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the server independent of the example blog and the plugin', () => {
    const offenders = sources('server').flatMap((path) =>
      imports(path)
        .filter(({ specifier }) => /^(site-example|plugin|bench|test)\//.test(target(path, specifier)))
        .map(({ specifier, line }) => `${path}:${line}: imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('finds what it looks for (the checks above are not vacuous)', () => {
    expect(PRODUCT.filter((p) => p.startsWith('server/db/')).some((p) => SQL.test(code(p)))).toBe(true);
    expect(imports('server/app.ts').some(({ specifier }) => specifier === 'hono')).toBe(true);
    expect(sources('server/dialogue').length).toBeGreaterThan(3);
  });
});
