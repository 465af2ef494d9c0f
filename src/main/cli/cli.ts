import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDb, type Db } from '../store/db';
import { databaseFile, defaultDataDir } from '../paths';
import { accountStatus } from '../service/status';
import { storedLiveStatus } from '../service/liveStatus';
import { formatLive, formatStatus } from './format';
import { EXIT, OPTIONS, USAGE, UsageError, type CliIo, type Flags } from './io';

export { EXIT, type CliIo } from './io';

/** A plain check of an address, before anything acts as that teammate. */
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The data folder from --data-dir (or the default), refused in words when it is a file. */
function dataDirOf(values: Flags, env: NodeJS.ProcessEnv): string {
  const dataDir = values['data-dir'] ?? defaultDataDir(env);
  const found = statSync(dataDir, { throwIfNoEntry: false });
  if (found && !found.isDirectory())
    throw new UsageError(`--data-dir ${dataDir} is a file, not a folder. Give a folder (it is created if missing).`);
  return dataDir;
}

/** `status` reads the database only, so it starts without loading the mail libraries. */
function statusVerb(db: Db, values: Flags, io: CliIo): number {
  const folders = accountStatus(db, io.now());
  if (!folders) {
    io.err('promptly: No mailbox is connected yet. Connect one with "account set" or in Settings.');
    return EXIT.failure;
  }
  const live = storedLiveStatus(db, io.now());
  io.out(values.json ? JSON.stringify({ live, folders }) : `${formatLive(live, io.now())}\n${formatStatus(folders)}`);
  return EXIT.ok;
}

/** Runs one CLI invocation against the real engine; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`promptly: ${(error as Error).message}. Run with --help for usage.`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  let db: Db | null = null;
  try {
    if (values.me !== undefined && !ADDRESS.test(values.me))
      throw new UsageError(`--me takes your own work address, for example alice@example.com (got "${values.me}").`);
    const dataDir = dataDirOf(values, io.env);
    db = openDb(databaseFile(dataDir));
    if (positionals[0] === 'status') return statusVerb(db, values, io);
    const { runEngineVerb } = await import('./engineVerbs');
    return await runEngineVerb(positionals, values, io, db, dataDir);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`promptly: ${error.message}`);
      return EXIT.usage;
    }
    io.err(`promptly: ${(error as Error).message}`);
    return EXIT.failure;
  } finally {
    db?.close();
  }
}
