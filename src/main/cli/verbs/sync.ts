import type { SyncReport } from '../../../shared/types';
import type { PromptlyService } from '../../service/service';
import { UsageError, type Flags } from '../io';

/** Output sinks and the stop signal of a long-running verb. */
export interface SyncIo {
  out: (line: string) => void;
  err: (line: string) => void;
  json: boolean;
  /** Resolves when the user asks to stop (Ctrl+C); a one-shot sync ignores it. */
  stopped?: Promise<void>;
}

function summary(report: SyncReport): string {
  return report.folders
    .map(
      (f) =>
        `${f.path}: ${f.fetched} new, ${f.flagsChanged} changed, ${f.expunged} removed${f.failed ? `, ${f.failed} could not be read` : ''} (${f.mode})`,
    )
    .join('\n');
}

/**
 * `sync --once` runs one pass; `sync` keeps the mailbox live with IDLE until stopped,
 * printing progress to stderr and each pass's result to stdout.
 */
export async function syncVerb(service: PromptlyService, once: boolean, io: SyncIo): Promise<void> {
  const offProgress = service.events.on('sync.progress', (p) => {
    if (!io.json)
      io.err(
        `${p.folder}: ${p.done}/${p.total} (${Math.round(p.rate)} msg/s${p.etaSeconds ? `, ${Math.ceil(p.etaSeconds)} s left` : ''})`,
      );
  });
  const offError = service.events.on('sync.error', (e) => io.err(`sync: ${e.message}`));
  try {
    if (once) {
      const report = await service.syncNow();
      io.out(io.json ? JSON.stringify(report) : summary(report));
      return;
    }
    const first = await service.startLive();
    io.out(io.json ? JSON.stringify(first) : `${summary(first)}\nWatching for new mail (Ctrl+C to stop)…`);
    const offChanged = service.events.on('threads.changed', ({ threadIds }) => {
      io.out(io.json ? JSON.stringify({ threadsChanged: threadIds }) : `${threadIds.length} conversation(s) updated`);
    });
    await (io.stopped ?? new Promise<void>(() => undefined));
    offChanged();
    await service.stopLive();
  } finally {
    offProgress();
    offError();
  }
}

/** `--max-connections` and `--poll-seconds` become the saved live-sync settings. */
export async function configureLiveFromFlags(service: PromptlyService, values: Flags): Promise<void> {
  const change: { maxConnections?: number; pollSeconds?: number } = {};
  if (values['max-connections'] !== undefined) change.maxConnections = Number(values['max-connections']);
  if (values['poll-seconds'] !== undefined) change.pollSeconds = Number(values['poll-seconds']);
  if (Object.keys(change).length === 0) return;
  try {
    await service.call('sync.configure', change);
  } catch (error) {
    const fields = (error as { fields?: Record<string, string> }).fields ?? {};
    const flag = fields.maxConnections ? '--max-connections' : '--poll-seconds';
    throw new UsageError(`${flag}: ${fields.maxConnections ?? fields.pollSeconds ?? (error as Error).message}`);
  }
}
