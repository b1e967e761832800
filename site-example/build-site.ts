/**
 * Builds the example blog with Eleventy's programmatic API, pointed at a
 * given comment server: used by `npm start`, the plugin's tests and the
 * benchmark, so all three build the very site a newcomer sees.
 */
import Eleventy from '@11ty/eleventy';
import { join, relative } from 'node:path';
import { EXAMPLE_DIR } from './example-dir.js';

export { EXAMPLE_DIR };

export interface ExampleBuild {
  /** Folder the site is written to. */
  output: string;
  /** Comment server base URL (fetched at build time, and used by the pages' widget and form). */
  server: string;
  site: string;
  /** Admin token: the dialogue page then shows the full report. */
  token?: string;
  strict?: boolean;
  /** eleventy-fetch duration; "0s" asks the server on every build (revalidated by ETag). */
  cacheDuration?: string;
  cacheDirectory?: string;
  /** The plugin's `lang` option (the dialogue pages' language). */
  lang?: string;
  /** Another source folder laid out like the example's content/ (the benchmark's generated site). */
  input?: string;
}

/** The example's eleventy.config.js reads these; they are set for the build and restored after it. */
function buildEnv(build: ExampleBuild): Record<string, string | undefined> {
  return {
    KOMMENTAR_SERVER: build.server,
    KOMMENTAR_SITE: build.site,
    KOMMENTAR_BUILD_TOKEN: build.token,
    KOMMENTAR_STRICT: build.strict ? '1' : undefined,
    KOMMENTAR_CACHE_DURATION: build.cacheDuration,
    KOMMENTAR_CACHE_DIR: build.cacheDirectory,
    KOMMENTAR_LANG: build.lang,
  };
}

/** Writes the site; rejects when Eleventy or the plugin fails the build. */
export async function buildExampleSite(build: ExampleBuild): Promise<void> {
  const env = buildEnv(build);
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(env);
  try {
    // Eleventy 3.1 finds directory data files (posts/posts.11tydata.json) only under an input path relative to the working directory.
    const input = relative(process.cwd(), build.input ?? join(EXAMPLE_DIR, 'content')) || '.';
    const eleventy = new Eleventy(input, build.output, { configPath: join(EXAMPLE_DIR, 'eleventy.config.js'), quietMode: true });
    await eleventy.write();
  } finally {
    apply(saved);
  }
}
