import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/main/mail/parse';
import { ParsePool } from '../../../src/main/mail/parsePool';

const FIXTURES = join(import.meta.dirname, '../../fixtures/mail');
const parse = async (name: string) => {
  const parsed = await parseMessage(readFileSync(join(FIXTURES, name)), 0);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.message;
};

describe('undeclared 8-bit text', () => {
  it('with no charset and bytes that are not UTF-8 is read as windows-1252', async () => {
    const m = await parse('undeclared-8bit-windows-1252.eml');
    expect(m.text).toBe('Bonjour, le café est arrivé “abîmé” € 12.');
    expect(m.from.name).toBe('René');
  });

  it('declared us-ascii is read as UTF-8 when the bytes are UTF-8, else as windows-1252', async () => {
    expect((await parse('usascii-declared-utf8-bytes.eml')).text).toBe('Olá, a encomenda não chegou.');
    expect((await parse('usascii-declared-latin1-bytes.eml')).text).toBe('Olá, a encomenda não chegou.');
  });

  it('decides per part: quoted-printable Latin-1 beside an 8-bit UTF-8 HTML part', async () => {
    const m = await parse('multipart-undeclared-mixed.eml');
    expect(m.html).toContain('Grüße, die Rechnung für März.');
    expect(m.text).toBe('Grüße, die Rechnung für März.');
  });

  it('the parse workers read it the same way', async () => {
    const pool = new ParsePool();
    try {
      const outcome = await pool.parse(readFileSync(join(FIXTURES, 'undeclared-8bit-windows-1252.eml')), 0);
      expect(outcome.ok && outcome.message.text).toBe('Bonjour, le café est arrivé “abîmé” € 12.');
    } finally {
      await pool.close();
    }
  });
});
