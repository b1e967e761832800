/**
 * One Eleventy build in a process of its own, as a blogger runs `npx @11ty/eleventy`:
 * the whole process is counted, loading Eleventy and the site's config included.
 * Usage: node dist/bench/eleventy-build-child.js INPUT OUTPUT CONFIG → one JSON line,
 * the process's CPU (all threads) and its part in the kernel, and its wall time, in ms.
 */
import Eleventy from '@11ty/eleventy';

const [input, output, configPath] = process.argv.slice(2) as [string, string, string];
// Eleventy's "Wrote N files" lines would mix with the answer.
const log = console.log;
console.log = () => undefined;
await new Eleventy(input, output, { configPath, quietMode: true }).write();
const { user, system } = process.cpuUsage();
log(JSON.stringify({ cpu: (user + system) / 1000, kernel: system / 1000, wall: performance.now() }));
