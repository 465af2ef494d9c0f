/**
 * 8-bit header fields through the real header phase: Dovecot hands the IMAP client the raw
 * bytes in the envelope, which reads them as UTF-8. Stored subjects and names must read as the
 * sender wrote them (UTF-8 when valid, else windows-1252), never as U+FFFD.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailWorld, startEngine } from '../support/engine';

const FIXTURES = join(import.meta.dirname, '../fixtures');

describe('8-bit header fields synced from a real server', () => {
  it('subjects and names read as written, in the list and in the thread', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service, db } = await startEngine(world, support);
    for (const name of [
      'mail/header-8bit-windows-1252.eml',
      'mail/header-8bit-utf8.eml',
      'real-world-mail/error_emails/invalid_subject_characters.eml',
    ]) {
      await world.deliver(support.address, readFileSync(join(FIXTURES, name)));
    }
    await service.syncNow();

    const threads = await service.call('threads.list', { limit: 10 });
    expect(threads.map((t) => t.subject).sort()).toEqual([
      'Formação FrenetikPolis: Mega Campanha Final Verão | Cursos de Setembro',
      'Größe “XL” – Umtausch möglich?',
      'Reçu “abîmé” – facture € 12',
    ]);
    const leger = threads.find((t) => t.subject.startsWith('Reçu'))!;
    expect(leger.from).toEqual({ name: 'René Léger', address: 'rene.leger@example.fr' });
    const [message] = (await service.call('thread.get', { id: leger.id })).messages;
    expect(message?.to).toEqual([{ name: 'Service clientèle', address: 'support@shop.example' }]);
    expect(message?.cc).toEqual([{ name: 'Zoë Müller', address: 'zoe@example.de' }]);
    expect(message?.attachments.map((a) => a.filename)).toEqual(['colis abîmé.jpg']);
    expect(threads.find((t) => t.subject.startsWith('Größe'))?.from.name).toBe('Jürgen Groß');

    // The fields fetched only to read them again are not kept with the other header fields.
    const stored = db.prepare('SELECT headers FROM messages').all() as Array<{ headers: string }>;
    for (const row of stored) expect(Object.keys(JSON.parse(row.headers))).not.toContain('subject');
  });
});
