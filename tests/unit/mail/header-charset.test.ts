import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenMultipartText, parseMessage } from '../../../src/main/mail/parse';
import { ParsePool } from '../../../src/main/mail/parsePool';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const parse = async (name: string) => {
  const parsed = await parseMessage(fixture(name), 0);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.message;
};

describe('8-bit header fields without RFC 2047 encoded words', () => {
  it('windows-1252 bytes in Subject, From, To, Cc and a file name are read as windows-1252', async () => {
    const m = await parse('mail/header-8bit-windows-1252.eml');
    expect(m.subject).toBe('Reçu “abîmé” – facture € 12');
    expect(m.from).toEqual({ name: 'René Léger', address: 'rene.leger@example.fr' });
    expect(m.to).toEqual([{ name: 'Service clientèle', address: 'support@shop.example' }]);
    expect(m.cc).toEqual([{ name: 'Zoë Müller', address: 'zoe@example.de' }]);
    expect(m.attachments.map((a) => a.filename)).toEqual(['colis abîmé.jpg']);
    expect(m.text).toBe('Bonjour, voici la photo du colis.');
  });

  it('UTF-8 bytes (RFC 6532) stay UTF-8', async () => {
    const m = await parse('mail/header-8bit-utf8.eml');
    expect(m.subject).toBe('Größe “XL” – Umtausch möglich?');
    expect(m.from.name).toBe('Jürgen Groß');
  });

  it('a real mail with a Latin-1 subject and an encoded-word From reads as its sender wrote it', async () => {
    const m = await parse('real-world-mail/error_emails/invalid_subject_characters.eml');
    expect(m.subject).toBe('Formação FrenetikPolis: Mega Campanha Final Verão | Cursos de Setembro');
    expect(m.from.name).toBe('Formação Frenetikpolis');
  });

  it('the parse workers read the header fields the same way', async () => {
    const pool = new ParsePool();
    try {
      const outcome = await pool.parse(fixture('mail/header-8bit-windows-1252.eml'), 0);
      expect(outcome.ok && [outcome.message.subject, outcome.message.from.name]).toEqual([
        'Reçu “abîmé” – facture € 12',
        'René Léger',
      ]);
    } finally {
      await pool.close();
    }
  });
});

describe('windows-1252 text outside the parser', () => {
  it('a broken multipart shows its windows-1252 quotes and euro sign, not control characters', () => {
    const raw = Buffer.from(
      'Content-Type: multipart/mixed; boundary="gone"\r\n\r\nLe prix \x93final\x94 est 12 \x80.\r\n',
      'latin1',
    );
    expect(brokenMultipartText(raw)).toBe('Le prix “final” est 12 €.');
  });
});
