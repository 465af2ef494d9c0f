// A first sync's whole-message FETCH on a connection of its own, read on this thread: imapflow
// parsing the server's answer, the header fields and the body (mailShape.mjs). The main thread
// was saturated by a large first sync; now it only stores (issue 16, mail/fetchWorker.ts).
// Plain JavaScript so it loads the same way under tsx, vitest and the Electron bundle.
import { parentPort, workerData } from 'node:worker_threads';
import { ImapFlow } from 'imapflow';
import { bodyOutcome, headerFields } from './mailShape.mjs';

const { options, path, uidValidity, query, fieldNames, inFlightBytes, groupBytes } = workerData;
const names = new Set(fieldNames);

// Bytes sent to the main thread and not yet stored: past inFlightBytes the FETCH waits.
let sent = 0;
let roomMade = null;

const client = new ImapFlow(options);
client.on('error', () => undefined); // failures surface from the awaited calls

// The main thread only learns that the worker failed (it goes on with its own connection).
const described = (error) => ({ message: error instanceof Error ? error.message : String(error) });

/** Fetches one batch, sending its messages in groups; the UIDs the server sent no source for come last. */
async function fetchBatch(uids) {
  const sourceless = [];
  let group = [];
  let bytes = 0;
  const send = () => {
    if (group.length > 0) parentPort.postMessage({ type: 'messages', messages: group });
    group = [];
    bytes = 0;
  };
  for await (const msg of client.fetch(uids, query, { uid: true })) {
    const raw = msg.source;
    if (!raw) {
      sourceless.push(msg.uid);
      continue;
    }
    const body = await bodyOutcome(raw);
    // The source goes along only where it is stored: an unreadable or partly read body.
    const keep = !body.ok || body.body.problem !== null;
    group.push({
      uid: msg.uid,
      flags: [...(msg.flags ?? [])],
      envelope: msg.envelope,
      internalDate: msg.internalDate,
      size: msg.size,
      modseq: msg.modseq,
      threadId: msg.threadId,
      headers: headerFields(raw, names),
      raw: keep ? raw : null,
      bytes: raw.length,
      body,
    });
    bytes += raw.length;
    sent += raw.length;
    if (bytes >= groupBytes) send();
    while (sent > inFlightBytes) {
      send();
      await new Promise((resolve) => (roomMade = resolve));
    }
  }
  send();
  parentPort.postMessage({ type: 'fetched', sourceless });
}

parentPort.on('message', (job) => {
  if (job.type === 'room') {
    sent -= job.bytes;
    const wake = roomMade;
    roomMade = null;
    wake?.();
  } else if (job.type === 'fetch') {
    fetchBatch(job.uids).catch((error) => parentPort.postMessage({ type: 'failed', error: described(error) }));
  } else if (job.type === 'close') {
    client
      .logout()
      .catch(() => client.close())
      .finally(() => process.exit(0));
  }
});

try {
  await client.connect();
  const box = await client.mailboxOpen(path, { readOnly: true });
  if (String(box.uidValidity) !== String(uidValidity)) throw new Error('the folder changed (UIDVALIDITY) meanwhile');
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'failed', error: described(error) });
}
