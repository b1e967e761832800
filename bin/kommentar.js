#!/usr/bin/env node
// The package's `kommentar` command; the CLI itself lives in server/cli (built to dist/).
import '../dist/server/cli/main.js';
