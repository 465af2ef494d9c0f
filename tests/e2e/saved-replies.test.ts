import { describe, expect, it } from 'vitest';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';

const chromium = useChromium();

describe('Settings → Saved replies (Chromium, real engine, Dovecot)', () => {
  it('creates a reply with a variable and a live preview, renames it, and a teammate’s engine gets both; deleting asks first; the composer saves what was typed as one and the palette inserts it by name', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support);
    const bob = await startEngine(world, support);
    await service.call('me.set', { name: 'Alice Moreno', address: 'alice@acme.example', signature: '' });
    await world.deliverMail({ from: 'ivy@customer.example', to: support.address, subject: 'Hello', text: 'Hi' });
    await service.startLive();
    const { page, errors } = await chromium.openApp(service, { viewport: { width: 1280, height: 900 } });
    await page.getByRole('option').filter({ hasText: 'Hello' }).waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press(','); // Team settings
    const section = page.getByRole('region', { name: 'Saved replies' });
    await section.waitFor();
    // The section shows before the team's replies are read: wait for them, do not race them.
    await expect.poll(() => section.getByRole('list').textContent()).toContain('Courtesy reply');

    await section.getByRole('button', { name: 'New saved reply' }).click();
    await section.getByLabel(/^Name/).fill('Refund sent');
    await section.getByLabel('Text').fill('Hi , your refund is on its way.');
    // The caret after "Hi " and a click on the variable puts it there.
    await section.getByLabel('Text').evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 3));
    await section.getByRole('button', { name: '{{customer.firstName}}' }).click();
    await expect
      .poll(() => section.getByLabel('Text').inputValue())
      .toBe('Hi {{customer.firstName}}, your refund is on its way.');
    const preview = section.getByRole('figure', { name: 'Preview' });
    expect(await preview.textContent()).toContain('Hi there, your refund is on its way.'); // the highlighted customer gave no name
    await section.getByLabel('Text').press('End');
    await section.getByLabel('Text').type(' {{customer.nickname}}');
    expect(await preview.textContent()).toContain('Promptly does not know {{customer.nickname}}');
    await section.getByLabel('Text').fill('Hi {{customer.firstName}}, your refund is on its way.');
    await section.getByRole('button', { name: 'Save new reply' }).click();
    await section.getByRole('status').filter({ hasText: 'Saved “Refund sent”' }).waitFor();
    await page.screenshot({ path: artifactPath('saved-replies-created.png'), fullPage: true });

    // A second reply by the same name is refused with words; renaming the first works.
    await section.getByRole('button', { name: 'New saved reply' }).click();
    await section.getByLabel(/^Name/).fill('refund SENT');
    await section.getByLabel('Text').fill('Other text');
    await section.getByRole('button', { name: 'Save new reply' }).click();
    await section.getByRole('status').filter({ hasText: 'already a saved reply named “Refund sent”' }).waitFor();
    expect(await section.getByLabel(/^Name/).getAttribute('aria-invalid')).toBe('true');
    await section.getByRole('button', { name: /^Refund sent/ }).click();
    await section.getByLabel(/^Name/).fill('Refund on its way');
    await section.getByRole('button', { name: 'Save changes' }).click();
    await section.getByRole('status').filter({ hasText: 'Saved “Refund on its way”' }).waitFor();

    await expect
      .poll(
        async () => {
          await bob.service.syncNow();
          return (await bob.service.call('templates.list', {})).map((t) => `${t.name}|${t.updatedBy ?? ''}`);
        },
        { timeout: 20_000 },
      )
      .toEqual(['Courtesy reply|', 'Refund on its way|alice@acme.example']);
    await expect
      .poll(() => section.getByRole('list').textContent(), { timeout: 10_000 })
      .toContain('by alice@acme.example');
    await page.screenshot({ path: artifactPath('saved-replies-renamed.png'), fullPage: true });

    await section.getByRole('button', { name: 'Delete…' }).click();
    expect(await section.textContent()).toContain('Delete “Refund on its way” for the whole team?');
    await page.screenshot({ path: artifactPath('saved-replies-delete-ask.png'), fullPage: true });
    await section.getByRole('button', { name: 'Delete', exact: true }).click();
    await section.getByRole('status').filter({ hasText: 'Deleted “Refund on its way”' }).waitFor();
    expect(await section.getByRole('list').textContent()).not.toContain('Refund');

    // In the composer: what was typed becomes a saved reply, offered at once by name.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // out of the name field
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await page.getByRole('option').filter({ hasText: 'Hello' }).click();
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: /Hello/ }).waitFor();
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Thanks {{customer.firstName}}, all sorted.');
    await page.getByRole('button', { name: 'Save as saved reply…' }).click();
    await page.getByLabel('Name of the saved reply').fill('All sorted');
    await page.getByLabel('Name of the saved reply').press('Enter');
    await page.getByRole('status').filter({ hasText: 'Saved as “All sorted” for the team.' }).waitFor();
    const picker = page.getByLabel('Insert a saved reply');
    await expect.poll(() => picker.locator('option').allTextContents()).toContain('All sorted');
    await page.screenshot({ path: artifactPath('saved-replies-composer.png'), fullPage: true });
    // The palette inserts a saved reply by name at the composer's caret (keyboard only).
    const textarea = page.getByRole('textbox', { name: 'Message' });
    await textarea.fill('');
    await textarea.focus();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('all sorted');
    await page.getByRole('option', { name: 'Insert saved reply: All sorted' }).waitFor();
    await page.screenshot({ path: artifactPath('saved-replies-palette.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => textarea.inputValue()).toBe('Thanks {{customer.firstName}}, all sorted.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await expect
      .poll(
        async () => {
          await bob.service.syncNow();
          return (await bob.service.call('templates.list', {})).map((t) => t.name);
        },
        { timeout: 20_000 },
      )
      .toEqual(['All sorted', 'Courtesy reply']);
    expect(errors).toEqual([]);
    await service.stopLive();
    await page.close();
  });

  it('keyboard only: creates a saved reply with a variable, then answers a customer with it and the customer reads the filled-in name', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support);
    await service.call('me.set', { name: 'Alice Moreno', address: 'alice@acme.example', signature: '' });
    const ivy = await world.createMailbox('ivy');
    await world.deliverMail({
      from: `Ivy Park <${ivy.address}>`,
      to: support.address,
      subject: 'Where is it',
      text: 'Hi',
    });
    await service.startLive(); // live, so the outbox sends once the undo window is over
    const app = await chromium.openApp(service, { viewport: { width: 1280, height: 900 } });
    const { page, errors } = app;
    await page.getByRole('option').filter({ hasText: 'Where is it' }).waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    /** Presses Tab until the focused element's text is `text`, as a person tabbing through the page does. */
    const tabTo = async (text: string) => {
      for (let i = 0; i < 120; i++) {
        if ((await focused()) === text) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached “${text}”`);
    };

    await page.keyboard.press('g');
    await page.keyboard.press(','); // Team settings
    const section = page.getByRole('region', { name: 'Saved replies' });
    await section.waitFor();
    await tabTo('New saved reply');
    await page.keyboard.press('Enter'); // the name field takes the focus
    await page.keyboard.type('Thanks for waiting');
    await page.keyboard.press('Tab'); // subject, left empty
    await page.keyboard.press('Tab'); // text
    await page.keyboard.type('Hi {{cust');
    // The variables are offered while typing; Tab puts in the first.
    await section.getByRole('status').filter({ hasText: 'Tab puts in {{customer.firstName}}' }).waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type(', thanks for waiting: it ships today.');
    expect(await section.getByLabel('Text').inputValue()).toBe(
      'Hi {{customer.firstName}}, thanks for waiting: it ships today.',
    );
    const preview = section.getByRole('figure', { name: 'Preview' });
    expect(await preview.textContent()).toContain(
      'Preview as Ivy Park would read it (“Where is it”, highlighted in the list)',
    );
    expect(await preview.textContent()).toContain('Hi Ivy, thanks for waiting: it ships today.');
    await tabTo('Save new reply');
    await page.keyboard.press('Enter');
    await section.getByRole('status').filter({ hasText: 'Saved “Thanks for waiting”' }).waitFor();

    // Back to the list, open the conversation, reply, and insert the saved reply from the palette.
    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await page.getByRole('option').filter({ hasText: 'Where is it' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: /Where is it/ }).waitFor();
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('thanks for waiting');
    await page.getByRole('option', { name: 'Insert saved reply: Thanks for waiting' }).waitFor();
    await page.keyboard.press('Enter');
    const textarea = page.getByRole('textbox', { name: 'Message' });
    await expect.poll(() => textarea.inputValue()).toContain('Hi {{customer.firstName}}, thanks for waiting');
    await page.screenshot({ path: artifactPath('saved-replies-keyboard.png') });
    await page.keyboard.press('Control+Enter');

    // The customer reads their own name where the variable was.
    await expect
      .poll(async () => (await world.smtpMessages({ to: ivy.address })).map((m) => m.raw.toString('utf8')).join('\n'), {
        timeout: 30_000,
      })
      .toContain('Hi Ivy, thanks for waiting: it ships today.');
    expect(errors).toEqual([]);
    await service.stopLive();
    await app.close();
  });
});
