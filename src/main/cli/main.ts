import { EXIT, runCli } from './cli';

// The headless engine: `npm run cli -- <verb>`.
runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  now: () => Date.now(),
  stopped: new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  }),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`promptly: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(EXIT.failure);
  },
);
