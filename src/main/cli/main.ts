import { EXIT, runCli } from './cli';
import { exitWhenDrained } from './exit';
import { openBrowser } from './openBrowser';

// The headless engine: `npm run cli -- <verb>`.
runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  now: () => Date.now(),
  openUrl: openBrowser,
  stopped: new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  }),
}).then(
  (code) => exitWhenDrained(code),
  (error: unknown) => {
    process.stderr.write(`promptly: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitWhenDrained(EXIT.failure);
  },
);
