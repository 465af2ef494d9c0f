import { describe, expect, it } from 'vitest';
import { cli, cliWithAccount } from '../support/cli';
import { accountFor, mailWorld } from '../support/engine';

describe('CLI policy, metrics and export', () => {
  it('a team policy travels through the log and moves the deadline; metrics and CSV reflect the replies', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const a = accountFor(world, support);
    const alice = await cliWithAccount(a, 'pol-a');
    const bob = await cliWithAccount(a, 'pol-b');
    await world.deliverMail({
      from: '=HYPERLINK("x")@customer.example',
      to: support.address,
      subject: '=cmd|calc',
      text: 'Hello?',
    });
    await cli(['--data-dir', bob, 'sync', '--once']);
    const before = JSON.parse((await cli(['--data-dir', bob, '--json', 'threads'])).out) as Array<{
      due: { dueAt: number };
    }>;

    const set = await cli([
      '--data-dir',
      alice,
      '--me',
      'alice@acme.example',
      'policy',
      'set',
      '--window-hours',
      '2',
      '--timezone',
      'Europe/Berlin',
    ]);
    expect(set.code).toBe(0);
    await cli(['--data-dir', bob, 'sync', '--once']);
    expect(JSON.parse((await cli(['--data-dir', bob, '--json', 'policy', 'show'])).out)).toMatchObject({
      courtesyWindowMinutes: 120,
      timeZone: 'Europe/Berlin',
    });
    const after = JSON.parse((await cli(['--data-dir', bob, '--json', 'threads'])).out) as Array<{
      due: { dueAt: number };
    }>;
    expect(before[0]!.due.dueAt - after[0]!.due.dueAt).toBe(22 * 3_600_000);
    expect((await cli(['--data-dir', bob, 'policy', 'set', '--timezone', 'Mars/Olympus'])).code).toBe(2);

    const metrics = JSON.parse((await cli(['--data-dir', bob, '--json', 'metrics', '--until', '2099-01-01'])).out) as {
      courtesy: { missed: number; pending: number };
      open: { total: number };
    };
    expect(metrics.open.total).toBe(1);
    const csv = (await cli(['--data-dir', bob, 'export', 'threads.csv'])).out.split('\r\n');
    expect(csv[0]).toMatch(/^thread,subject,customer,owner,status,due_at/);
    // Cells that a spreadsheet would run as formulas are defused.
    expect(csv[1]).toContain("'=cmd|calc");
    expect((await cli(['--data-dir', bob, 'export', 'metrics.csv'])).out.split('\r\n').length).toBeGreaterThan(12);
  });

  it('--due-soon sets the Due soon window (business-day or a fixed lead) and policy show says it in words', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const dir = await cliWithAccount(accountFor(world, support), 'pol-due');
    const as = ['--data-dir', dir, '--me', 'alice@acme.example'];
    const lead = await cli([...as, 'policy', 'set', '--due-soon', '90m']);
    expect(lead.code).toBe(0);
    expect(JSON.parse((await cli([...as, '--json', 'policy', 'show'])).out)).toMatchObject({
      dueSoonWindow: 'lead',
      dueSoonLeadMinutes: 90,
    });
    expect((await cli([...as, 'policy', 'show'])).out).toMatch(
      /Due soon: what comes due within 1 h 30 min \(now until /,
    );

    const day = await cli([
      ...as,
      'policy',
      'set',
      '--due-soon',
      'business-day',
      '--hours',
      'mon-sun 00:00-24:00',
      '--timezone',
      'UTC',
    ]);
    expect(day.code).toBe(0);
    const shown = (await cli([...as, 'policy', 'show'])).out;
    expect(shown).toContain('"dueSoonWindow": "business-day"');
    // Open every day until midnight: the business day ends tonight.
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    expect(shown).toMatch(
      /Due soon: what comes due before the business day ends \(now until \w{3} \d{1,2} \w{3} 00:00 UTC\)/,
    );
    expect(shown).toContain(`${midnight.getUTCDate()} `);

    const bad = await cli([...as, 'policy', 'set', '--due-soon', 'soonish']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--due-soon takes business-day or a length like 4h, 90m or 1h30m (got "soonish")');
    expect(JSON.parse((await cli([...as, '--json', 'policy', 'show'])).out)).toMatchObject({
      dueSoonWindow: 'business-day',
    });
  });
});
