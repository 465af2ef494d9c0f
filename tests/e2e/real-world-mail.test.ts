import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';

const FIXTURES = join(import.meta.dirname, '../fixtures/mail');
const chromium = useChromium();

function invoiceWithProgram(to: string): string {
  const b = 'b1_ui_risk';
  return [
    'From: Mallory <mallory@customer.example>',
    `To: ${to}`,
    'Subject: Your invoice',
    'Message-ID: <ui-risk@customer.example>',
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Please open the attached invoice.',
    `--${b}`,
    'Content-Type: application/octet-stream; name="invoice.pdf.exe"',
    'Content-Disposition: attachment; filename="invoice.pdf.exe"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]).toString('base64'),
    `--${b}--`,
    '',
  ].join('\r\n');
}

describe('real-world mail in the real renderer', () => {
  it('shows the unreadable card, the dangerous-attachment warning, the written date and undeclared 8-bit text and header fields', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support);
    for (const name of [
      'broken-multipart-boundary.eml',
      'date-year-0102.eml',
      'undeclared-8bit-windows-1252.eml',
      'header-8bit-windows-1252.eml',
    ])
      await world.deliver(support.address, readFileSync(join(FIXTURES, name)));
    await world.deliver(support.address, invoiceWithProgram(support.address));
    await service.syncNow();
    const app = await chromium.openApp(service, { viewport: { width: 1280, height: 800 } });
    const { page } = app;
    try {
      const list = page.getByRole('listbox', { name: 'Conversations' });
      const open = async (subject: string) => {
        await list.getByText(subject).first().click();
        await page.keyboard.press('Enter');
      };

      await open('Broken boundary');
      const card = page.getByRole('note', { name: 'Promptly could not read this message' });
      await card.waitFor();
      expect(await card.textContent()).toContain('part boundary never appears');
      await page.locator('.message-text').getByText('My bike arrived with a bent wheel').waitFor();
      await card.getByRole('button', { name: 'Show original' }).click();
      await page.getByLabel('Original message').waitFor();
      expect(await page.getByLabel('Original message').textContent()).toContain('declared-boundary');
      await page.screenshot({ path: artifactPath('unreadable-card.png') });

      await open('Your invoice');
      await page.getByRole('alert').filter({ hasText: 'invoice.pdf.exe is a program (.exe)' }).waitFor();
      expect(await page.getByRole('button', { name: 'Open invoice.pdf.exe' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Show invoice.pdf.exe in folder' }).count()).toBe(1);
      await page.screenshot({ path: artifactPath('dangerous-attachment.png') });

      await open('Order status');
      await page.getByText('dated “Sun, 28 Jul 0102 10:12:00 +0000” by the sender').waitFor();
      await page.screenshot({ path: artifactPath('written-date.png') });

      await open('Commande');
      await page.locator('.message-text').getByText('Bonjour, le café est arrivé “abîmé” € 12.').waitFor();
      await page.screenshot({ path: artifactPath('undeclared-8bit.png') });

      await open('Reçu “abîmé” – facture € 12');
      await page.locator('.message-head').getByText('René Léger').waitFor();
      expect(await page.locator('body').textContent()).not.toContain('\uFFFD');
      await page.screenshot({ path: artifactPath('header-8bit.png') });
    } finally {
      await app.close();
    }
  });
});
