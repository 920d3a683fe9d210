#!/usr/bin/env node
// `npx seiton …`: runs the TypeScript CLI through tsx (no separate build step).
import { register } from 'tsx/esm/api';

register();
// `seiton check … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(process.argv.slice(2));
