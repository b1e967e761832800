/** Where the example's sources are, kept apart from the build so a server process can know it without loading Eleventy. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The example's source folder, whether this runs from site-example/ (tests) or dist/site-example/ (npm start). */
export const EXAMPLE_DIR = existsSync(join(here, 'eleventy.config.js')) ? here : resolve(here, '../../site-example');
