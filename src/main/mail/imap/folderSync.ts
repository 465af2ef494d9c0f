import type { ImapFlow, ExpungeEvent, FlagsEvent } from 'imapflow';
import {
  ensureFolder,
  markFolderAttempt,
  noteServerCount,
  saveFolderState,
  type Folder,
  type FolderRole,
} from '../../store/repos/folders';
import {
  deleteByUids,
  dropStaleMessages,
  folderFlags,
  parkFolderMessages,
  updateFlags,
} from '../../store/repos/messages';
import { refreshThreads } from '../../store/ingest';
import { fetchHeaders } from './headers';
import { fetchWhole } from './firstSync';
import { persistentFlags } from './uidSet';
import { selectedState } from './mailboxState';
import { allUids } from './uidList';
import { commitTouching, type FolderSyncResult, type SyncContext } from './context';

interface ServerChanges {
  flags: Map<number, { flags: string[]; modseq: string | null }>;
  vanished: Set<number>;
}

/** Listens for the FETCH/VANISHED responses a QRESYNC SELECT delivers (RFC 7162 §3.2.5). */
function collectSelectChanges(client: ImapFlow, path: string): { changes: ServerChanges; stop: () => void } {
  const changes: ServerChanges = { flags: new Map(), vanished: new Set() };
  const onFlags = (e: FlagsEvent): void => {
    if (e.path === path && e.uid)
      changes.flags.set(e.uid, {
        flags: persistentFlags(e.flags),
        modseq: e.modseq !== undefined ? String(e.modseq) : null,
      });
  };
  const onExpunge = (e: ExpungeEvent): void => {
    if (e.path === path && e.uid) changes.vanished.add(e.uid);
  };
  client.on('flags', onFlags);
  client.on('expunge', onExpunge);
  return {
    changes,
    stop: () => {
      client.off('flags', onFlags);
      client.off('expunge', onExpunge);
    },
  };
}

async function fetchFlags(
  client: ImapFlow,
  range: string,
  changedSince?: string,
): Promise<Map<number, { flags: string[]; modseq: string | null }>> {
  const out = new Map<number, { flags: string[]; modseq: string | null }>();
  const options = changedSince ? { uid: true, changedSince: BigInt(changedSince) } : { uid: true };
  for await (const msg of client.fetch(range, { uid: true, flags: true }, options)) {
    out.set(msg.uid, {
      flags: persistentFlags(msg.flags),
      modseq: msg.modseq !== undefined ? String(msg.modseq) : null,
    });
  }
  return out;
}

/**
 * One folder's sync: changes to known messages (QRESYNC, else CONDSTORE, else a full
 * FLAGS diff), then headers of new messages newest first. Expunges, flag changes and the
 * new UIDNEXT/HIGHESTMODSEQ commit in one transaction at the end, so an interrupted pass
 * repeats rather than skips anything.
 */
export async function syncFolder(
  client: ImapFlow,
  ctx: SyncContext,
  path: string,
  role: FolderRole,
): Promise<FolderSyncResult> {
  let folder = ensureFolder(ctx.db, ctx.accountId, path, role);
  markFolderAttempt(ctx.db, folder.id, ctx.now());
  const qresync = ctx.modes.qresync && client.enabled.has('QRESYNC');
  const condstore = ctx.modes.condstore && (client.capabilities.has('CONDSTORE') || qresync);
  const canResume = qresync && folder.complete && folder.uidvalidity !== null && folder.highestmodseq !== null;
  const listener = collectSelectChanges(client, path);
  const select = {
    readOnly: true,
    ...(canResume
      ? { uidValidity: folder.uidvalidity ?? undefined, changedSince: folder.highestmodseq ?? undefined }
      : {}),
  };
  // A connection lent by live sync may have this folder open already; its view and its
  // UIDNEXT (refreshed by STATUS or left from an older SELECT) need not agree. A fresh
  // SELECT gives the state and the view this pass saves in one answer.
  if (client.mailbox && client.mailbox.path === path) await client.mailboxOpen(path, select);
  const lock = await client.getMailboxLock(path, select);
  try {
    const box = await selectedState(client, path);
    noteServerCount(ctx.db, folder.id, box.exists);
    const uidvalidity = box.uidValidity;
    const modseq = condstore && box.highestModseq !== null ? String(box.highestModseq) : null;
    if (folder.uidvalidity !== null && folder.uidvalidity !== uidvalidity) {
      ctx.db.transaction(() => parkFolderMessages(ctx.db, folder.id))();
      folder = { ...folder, complete: false, uidnext: null, highestmodseq: null };
    }
    const plan = await planChanges(client, ctx, folder, {
      qresyncApplied: canResume && (client.mailbox as { qresync?: boolean }).qresync === true,
      modseq,
      exists: box.exists,
      uidNext: box.uidNext,
      selectChanges: listener.changes,
      condstore,
    });
    // A folder with nothing stored yet takes everything in one pass; later passes fetch
    // headers first (the list shows new mail at once) and bodies after (sync.ts).
    const { received, failed } = plan.first
      ? await fetchWhole(client, ctx, folder, plan.newUids, plan.first.large)
      : { received: await fetchHeaders(client, ctx, folder, plan.newUids), failed: 0 };
    commitTouching(ctx, () => {
      const threads = new Set<number>(deleteByUids(ctx.db, folder.id, plan.expunged));
      for (const [uid, f] of plan.flags) {
        const t = updateFlags(ctx.db, folder.id, uid, f.flags, f.modseq);
        if (t !== null) threads.add(t);
      }
      dropStaleMessages(ctx.db, folder.id).forEach((t) => threads.add(t));
      refreshThreads(ctx.db, threads, ctx.teamAddresses);
      saveFolderState(ctx.db, folder.id, {
        uidvalidity,
        uidnext: savedUidNext(box.uidNext, plan.newUids, received),
        highestmodseq: modseq,
        at: ctx.now(),
        serverCount: box.exists,
      });
      return [...threads];
    });
    return {
      path,
      fetched: received.size,
      failed,
      flagsChanged: plan.flags.size,
      expunged: plan.expunged.length,
      mode: plan.mode,
    };
  } finally {
    listener.stop();
    lock.release();
  }
}

interface ChangePlan {
  newUids: number[];
  expunged: number[];
  flags: Map<number, { flags: string[]; modseq: string | null }>;
  mode: FolderSyncResult['mode'];
  /** Nothing of this folder is stored yet: the first sync, in one pass but for these large messages. */
  first?: { large: Set<number> };
}

async function planChanges(
  client: ImapFlow,
  ctx: SyncContext,
  folder: Folder,
  s: {
    qresyncApplied: boolean;
    modseq: string | null;
    exists: number;
    uidNext: number;
    selectChanges: ServerChanges;
    condstore: boolean;
  },
): Promise<ChangePlan> {
  const range = (from: number): number[] => Array.from({ length: Math.max(0, s.uidNext - from) }, (_, i) => from + i);
  if (folder.complete && folder.uidnext !== null && s.qresyncApplied) {
    // QRESYNC: the SELECT itself told us what changed and what vanished.
    const newUids = await existingUids(client, folder.uidnext, s.uidNext);
    return {
      newUids,
      expunged: [...s.selectChanges.vanished],
      flags:
        s.selectChanges.flags.size > 0 ? changedOnly(s.selectChanges.flags, folderFlags(ctx.db, folder.id)) : new Map(),
      mode: 'qresync',
    };
  }
  const stored = folderFlags(ctx.db, folder.id);
  const known = [...stored.keys()];
  if (folder.complete && folder.uidnext !== null && s.condstore && folder.highestmodseq !== null) {
    const flags = folder.highestmodseq === s.modseq ? new Map() : await fetchFlags(client, '1:*', folder.highestmodseq);
    const noneGone = s.uidNext === folder.uidnext && s.exists === known.length;
    const server = noneGone ? null : new Set(await allUids(client));
    const expunged = server ? known.filter((u) => !server.has(u)) : [];
    const newUids = server ? [...server].filter((u) => u >= (folder.uidnext ?? 1)) : range(folder.uidnext);
    return {
      newUids: newUids.filter((u) => u < s.uidNext),
      expunged,
      flags: changedOnly(flags, stored),
      mode: 'condstore',
    };
  }
  // First sync of this folder: the UID list is all we need (flags come with the messages),
  // and skipping a FLAGS fetch of every message gets the first screen up sooner.
  if (known.length === 0) {
    const all = s.exists === 0 ? [] : await allUids(client);
    if (ctx.modes.onePass === false) return { newUids: all, expunged: [], flags: new Map(), mode: 'full' };
    const large = all.length > 0 && ctx.largeMessages ? await largerThan(client, ctx.largeMessages.minBytes - 1) : [];
    return { newUids: all, expunged: [], flags: new Map(), mode: 'full', first: { large: new Set(large) } };
  }
  // No usable mod-sequence (interrupted sync, or a server without CONDSTORE):
  // diff the server's UIDs and flags against the store.
  const serverFlags = s.exists === 0 ? new Map() : await fetchFlags(client, '1:*');
  const knownSet = new Set(known);
  const newUids = [...serverFlags.keys()].filter((u) => !knownSet.has(u));
  const expunged = known.filter((u) => !serverFlags.has(u));
  return { newUids, expunged, flags: changedOnly(serverFlags, stored), mode: 'full' };
}

/** Keeps only known messages whose flags really differ from the stored ones. */
function changedOnly(
  server: Map<number, { flags: string[]; modseq: string | null }>,
  stored: Map<number, string>,
): Map<number, { flags: string[]; modseq: string | null }> {
  const out = new Map<number, { flags: string[]; modseq: string | null }>();
  for (const [uid, f] of server) {
    const mine = stored.get(uid);
    if (mine === undefined) continue;
    const sortedServer = JSON.stringify([...f.flags].sort());
    const sortedMine = JSON.stringify((JSON.parse(mine) as string[]).sort());
    if (sortedServer !== sortedMine) out.set(uid, f);
  }
  return out;
}

/**
 * The position to save: the server's UIDNEXT, unless a message the pass asked for did not
 * come back (the server had not shown it to this session yet, or it was expunged meanwhile).
 * Then the position stops at it, so the next pass asks again instead of skipping it.
 */
export function savedUidNext(uidNext: number, asked: number[], received: ReadonlySet<number>): number {
  let next = uidNext;
  for (const uid of asked) if (!received.has(uid) && uid < next) next = uid;
  return next;
}

/** UIDs of messages larger than `bytes` (RFC 3501 §6.4.4 LARGER): they are streamed, never fetched whole. */
async function largerThan(client: ImapFlow, bytes: number): Promise<number[]> {
  const result = await client.search({ larger: bytes }, { uid: true });
  return result === false ? [] : (result ?? []);
}

/** UIDs that exist in [from, uidNext): new mail since the last pass (UIDs may have gaps). */
async function existingUids(client: ImapFlow, from: number, uidNext: number): Promise<number[]> {
  if (uidNext <= from) return [];
  const result = await client.search({ uid: `${from}:*` }, { uid: true });
  return (result === false ? [] : (result ?? [])).filter((u) => u >= from && u < uidNext);
}
