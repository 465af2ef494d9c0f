/**
 * Bulk mail in the demo mailbox: a supplier's trade newsletter and a local business
 * network's bulletin, with `Precedence: bulk` and RFC 2369 / RFC 8058 List-* headers, so the
 * app can show that such mail needs no human reply.
 */
import { GAPS, HOUR, type PlannedMessage, type PlannedThread } from './plan';
import { SHARED } from './people';
import type { DemoRandom } from './random';

/** The inline logo of a newsletter is referenced as `cid:{{cid}}` and filled in at render time. */
export const CID_PLACEHOLDER = '{{cid}}';

interface Issue {
  name: string;
  address: string;
  listId: string;
  subject: string;
  heading: string;
  items: ReadonlyArray<readonly [string, string]>;
  footer: string;
  logo: boolean;
}

const ISSUES: readonly Issue[] = [
  {
    name: 'Northwind Cycle Parts',
    address: 'news@northwindparts.example',
    listId: 'Northwind trade news <trade-news.northwindparts.example>',
    subject: 'Trade news: workshop offers and new e-bike batteries',
    heading: 'Trade news for workshops',
    items: [
      [
        '15% off workshop consumables',
        'Brake pads, cables, chain lube and tubes are 15% off for trade accounts until the end of the month. The discount is applied automatically at checkout.',
      ],
      [
        'New 36V replacement batteries',
        'We now stock replacement batteries for the most popular mid-drive systems, with a two-year warranty and next-day delivery.',
      ],
      ['Order cut-off change', 'From next month, same-day dispatch cut-off moves from 3pm to 2pm.'],
    ],
    footer: 'You receive this email because you have a trade account with Northwind Cycle Parts.',
    logo: true,
  },
  {
    name: 'Portside Business Network',
    address: 'bulletin@portside-business.example',
    listId: 'Portside Business Network bulletin <bulletin.portside-business.example>',
    subject: 'Bulletin: Quay Street roadworks, summer market stalls, networking breakfast',
    heading: 'This month in Portside',
    items: [
      [
        'Quay Street roadworks',
        'Resurfacing on Quay Street runs for three weeks from Monday. Pedestrian and cycle access stays open throughout.',
      ],
      [
        'Summer market stalls',
        'Stall applications for the harbourside summer market are open. Members get a 20% discount.',
      ],
      ['Networking breakfast', 'Join us at the Quayside Hotel on the first Thursday of the month at 7:30.'],
    ],
    footer: 'You are subscribed as a member of the Portside Business Network.',
    logo: false,
  },
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unsubscribeUrl(issue: Issue, token: string): string {
  const domain = issue.address.slice(issue.address.indexOf('@') + 1);
  return `https://${domain}/unsubscribe?u=${token}`;
}

function textBody(issue: Issue, url: string): string {
  const items = issue.items.map(([title, text]) => `${title.toUpperCase()}\n${text}`).join('\n\n');
  return `${issue.heading}\n\n${items}\n\n${issue.footer}\nUnsubscribe: ${url}`;
}

function htmlBody(issue: Issue, url: string): string {
  const logo = issue.logo
    ? `<img src="cid:${CID_PLACEHOLDER}" width="32" height="32" alt="${escapeHtml(issue.name)} logo" style="vertical-align:middle">`
    : '';
  const items = issue.items
    .map(
      ([title, text]) =>
        `<h2 style="font-size:16px;color:#16568c;margin:18px 0 6px">${escapeHtml(title)}</h2>\n<p style="margin:0;line-height:1.5">${escapeHtml(text)}</p>`,
    )
    .join('\n');
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"><title>' + escapeHtml(issue.heading) + '</title></head>',
    '<body style="font-family:Arial,Helvetica,sans-serif;color:#222;max-width:600px;margin:0 auto">',
    `<div style="padding:12px 0;border-bottom:3px solid #16568c">${logo} <strong style="font-size:18px">${escapeHtml(issue.name)}</strong></div>`,
    `<h1 style="font-size:22px">${escapeHtml(issue.heading)}</h1>`,
    items,
    `<p style="font-size:12px;color:#777;margin-top:24px">${escapeHtml(issue.footer)} <a href="${escapeHtml(url)}">Unsubscribe</a></p>`,
    '</body></html>',
  ].join('\n');
}

/** One thread per newsletter issue, each a single bulk message. */
export function newsletterThreads(random: DemoRandom): PlannedThread[] {
  return ISSUES.map((issue, index) => {
    const url = unsubscribeUrl(issue, random.hex(16));
    const domain = issue.address.slice(issue.address.indexOf('@') + 1);
    const message: PlannedMessage = {
      kind: 'newsletter',
      from: { name: issue.name, address: issue.address },
      to: [SHARED],
      cc: [],
      body: textBody(issue, url),
      html: true,
      outlook: false,
      quote: false,
      files: issue.logo ? ['logo'] : [],
      inlinePhoto: false,
      headers: {
        Precedence: 'bulk',
        'List-Id': issue.listId,
        'List-Unsubscribe': `<${url}>, <mailto:unsubscribe@${domain}?subject=unsubscribe>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      htmlBody: htmlBody(issue, url),
      gap: GAPS.first,
      at: 0,
    };
    const age = index === 0 ? 9 * 24 * HOUR + random.between(0, 5) * HOUR : 33 * 24 * HOUR;
    return { subject: issue.subject, messages: [message], slots: {}, lastAge: [age, age] };
  });
}
