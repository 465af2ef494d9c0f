import type { FolderStatus } from '../../shared/types';
import type { RecentError } from './log';
import { redact } from './redact';

/** What "Copy diagnostics" may gather. Nothing here holds a message, an address or a secret. */
export interface DiagnosticsInput {
  version: string;
  /** Electron, Chrome and Node versions (process.versions). */
  runtime: { electron?: string; chrome?: string; node?: string };
  platform: string;
  arch: string;
  osRelease: string;
  mode: 'demo' | 'account' | 'setup';
  folders: FolderStatus[];
  recentErrors: RecentError[];
  now: number;
}

/** Folder names the server gives every mailbox; other names may say something private. */
const STANDARD_ROLES = new Set(['inbox', 'sent', 'all', 'team-log', 'teamlog', 'drafts', 'trash']);

function iso(ms: number | null): string {
  return ms === null ? 'never' : new Date(ms).toISOString();
}

function folderLine(folder: FolderStatus, index: number): string {
  const name = STANDARD_ROLES.has(folder.role.toLowerCase()) ? folder.path : `folder ${index + 1}`;
  const parts = [
    `${name} (${folder.role})`,
    `stored ${folder.stored}/${folder.serverCount ?? '?'}`,
    `bodies pending ${folder.pendingBodies}`,
    `unreadable ${folder.unreadable}`,
    `complete ${folder.complete ? 'yes' : 'no'}`,
    `last sync ${iso(folder.lastSyncedAt)}`,
    `lag ${folder.lagSeconds ?? '?'} s`,
    `modes ${folder.highestModseq !== null ? 'condstore' : 'plain'}`,
  ];
  if (folder.lastError) parts.push(`error: ${redact(folder.lastError)}`);
  return `  - ${parts.join(', ')}`;
}

/**
 * A plain-text report for a support request: versions, platform, sync state per folder
 * and recent errors, all passed through `redact`. Custom folder names are replaced by a
 * number, since a folder name can name a customer.
 */
export function formatDiagnostics(input: DiagnosticsInput): string {
  const lines = [
    `Promptly ${input.version} diagnostics, ${new Date(input.now).toISOString()}`,
    `Electron ${input.runtime.electron ?? '?'}, Chrome ${input.runtime.chrome ?? '?'}, Node ${input.runtime.node ?? '?'}`,
    `Platform ${input.platform} ${input.arch} (${input.osRelease})`,
    `Mode ${input.mode}`,
    `Folders (${input.folders.length}):`,
    ...input.folders.map(folderLine),
    `Recent errors (${input.recentErrors.length}):`,
    ...input.recentErrors.map((e) => `  - ${iso(e.at)} ${redact(e.message)}`),
  ];
  return `${lines.join('\n')}\n`;
}
