#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, the same code the server runs.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
const code = await runCli(process.argv.slice(2));
if (process.argv[2] !== 'serve') process.exit(code);
