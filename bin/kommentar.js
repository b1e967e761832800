#!/usr/bin/env node
// The package's `kommentar` command; the CLI itself lives in server/cli (built to dist/).
// `serve --example` belongs to the example blog, which builds on the server: it is routed
// here, at the package's entry, so that the server never imports the example.
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
if (args[0] === 'serve' && args.includes('--example')) {
  // The example is built into dist/ in a checkout of the repository; a published package may leave it out.
  const example = new URL('../dist/site-example/start.js', import.meta.url);
  if (existsSync(example)) {
    const { exampleCommand } = await import(example.href);
    process.exitCode = await exampleCommand(args.slice(1).filter((arg) => arg !== '--example'));
  } else {
    console.error('kommentar serve: --example runs the example blog, which only comes with a checkout of the repository (npm start there)');
    process.exitCode = 2;
  }
} else {
  await import('../dist/server/cli/main.js');
}
