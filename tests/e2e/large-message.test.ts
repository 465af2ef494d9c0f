import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';

const chromium = useChromium();

/** A customer's 11 MB message: a scan as a PDF and a few words. */
function scanMail(to: string, scan: Buffer): string {
  const b = 'ui-large';
  return [
    'From: "Dana Customer" <dana@customer.example>',
    `To: ${to}`,
    'Subject: Signed contract (scanned)',
    'Message-ID: <ui-contract@customer.example>',
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello, the countersigned contract is attached as one scan. Regards, Dana',
    `--${b}`,
    'Content-Type: application/pdf; name="contract-scan.pdf"',
    'Content-Disposition: attachment; filename="contract-scan.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    scan.toString('base64').replace(/.{76}/g, '$&\r\n'),
    `--${b}--`,
    '',
  ].join('\r\n');
}

/** A 6 MB server log pasted as the message's text. */
function logMail(to: string): string {
  const line = 'Server log line with the error code E-4711 repeated for the support team.\r\n';
  return [
    'From: Dana <dana@customer.example>',
    `To: ${to}`,
    'Subject: Our server log',
    'Message-ID: <ui-log@customer.example>',
    `Date: ${new Date().toUTCString()}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    line.repeat(Math.ceil((6 * 1024 * 1024) / line.length)),
  ].join('\r\n');
}

describe('large messages in the real renderer', () => {
  it('a large scan saves from the kept original, and a long text says it is cut and shows its original', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support, { largeMessageBytes: 1024 * 1024 });
    const scan = randomBytes(8 * 1024 * 1024);
    await world.deliver(support.address, scanMail(support.address, scan));
    await world.deliver(support.address, logMail(support.address));
    await service.syncNow();
    const app = await chromium.openApp(service, { viewport: { width: 1280, height: 800 } });
    const { page } = app;
    try {
      const list = page.getByRole('listbox', { name: 'Conversations' });
      const open = async (subject: string) => {
        await list.getByText(subject).first().click();
        await page.keyboard.press('Enter');
      };

      await open('Signed contract (scanned)');
      await page.locator('.message-text').getByText('the countersigned contract is attached').waitFor();
      await page.getByRole('button', { name: 'Save contract-scan.pdf' }).click();
      const status = page.getByLabel('Attachments').getByRole('status');
      await status.filter({ hasText: 'Downloaded to' }).waitFor();
      const path = (await status.textContent())!.replace('Downloaded to ', '').trim();
      expect(readFileSync(path).equals(scan)).toBe(true);
      await page.screenshot({ path: artifactPath('large-message-saved.png') });

      await open('Our server log');
      const card = page.getByRole('note', { name: 'Promptly could not read this message' });
      await card.waitFor();
      expect(await card.textContent()).toContain('only the first 4 MB of it is here');
      await card.getByRole('button', { name: 'Show original' }).click();
      await page.getByLabel('Original message').waitFor();
      expect(await page.getByLabel('Original message').textContent()).toContain('Subject: Our server log');
      await page.screenshot({ path: artifactPath('large-message-text-cut.png') });
    } finally {
      await app.close();
    }
  });
});
