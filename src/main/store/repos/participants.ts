import { prepared } from '../statements';
import type { Db } from '../db';
import type { Person } from '../../../shared/types';

/** Someone on a thread and whether they are on the team. */
export interface Participant extends Person {
  isTeam: boolean;
  messageCount: number;
}

/** Rebuilds a thread's participants from its messages' From/To/Cc. */
export function refreshParticipants(db: Db, threadId: number, teamAddresses: Set<string>): void {
  const rows = prepared(db, 'SELECT from_name, from_address, to_json, cc_json FROM messages WHERE thread_id = ?').all(
    threadId,
  ) as Array<{ from_name: string; from_address: string; to_json: string; cc_json: string }>;
  const people = new Map<string, Participant>();
  const add = (p: Person, sent: boolean): void => {
    const address = p.address.toLowerCase();
    if (!address) return;
    const known = people.get(address);
    if (known) {
      if (!known.name && p.name) known.name = p.name;
      if (sent) known.messageCount += 1;
      return;
    }
    people.set(address, { address, name: p.name, isTeam: teamAddresses.has(address), messageCount: sent ? 1 : 0 });
  };
  for (const row of rows) {
    add({ name: row.from_name, address: row.from_address }, true);
    for (const p of JSON.parse(row.to_json) as Person[]) add(p, false);
    for (const p of JSON.parse(row.cc_json) as Person[]) add(p, false);
  }
  prepared(db, 'DELETE FROM participants WHERE thread_id = ?').run(threadId);
  const insert = prepared(
    db,
    'INSERT INTO participants (thread_id, address, name, is_team, message_count) VALUES (?, ?, ?, ?, ?)',
  );
  for (const p of people.values()) insert.run(threadId, p.address, p.name, p.isTeam ? 1 : 0, p.messageCount);
}

/** A thread's participants, customers first. */
export function listParticipants(db: Db, threadId: number): Participant[] {
  const rows = prepared(
    db,
    'SELECT address, name, is_team, message_count FROM participants WHERE thread_id = ? ORDER BY is_team, address',
  ).all(threadId) as Array<{ address: string; name: string; is_team: number; message_count: number }>;
  return rows.map((r) => ({
    address: r.address,
    name: r.name,
    isTeam: r.is_team === 1,
    messageCount: r.message_count,
  }));
}
