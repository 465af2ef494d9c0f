/** Deterministic word and name pools for the synthetic mailbox, plus prebuilt text and base64 pools. */
import { Prng } from '../support/prng';

const WORDS = (
  'the order invoice account password reset login shipping delivery refund payment card charge subscription ' +
  'plan upgrade downgrade cancel renewal please thanks thank you hello hi regards team support issue problem ' +
  'error message screen app phone browser update version install crash slow loading page button click email ' +
  'address tracking number package arrived damaged missing item replace return label warehouse week today ' +
  'yesterday tomorrow morning afternoon could would should might need want help question answer quickly soon ' +
  'still again already never always sometimes when where why how what which because since after before while ' +
  'our your their my we they it this that these those with without from into onto about around between during ' +
  'customer client service product feature report export import data file attachment photo receipt total ' +
  'discount coupon code price tax currency billing address city street postal country region account manager ' +
  'colleague office store online website checkout cart basket confirm confirmation pending processing status ' +
  'ticket case reference number noticed tried also just really very much more less some any every each ' +
  'and or but so if then than as at by for in of on to up out over under is are was were be been have has had ' +
  'do does did can cannot will not no yes maybe perhaps sorry apologies understand appreciate patience'
).split(' ');

export const FIRST_NAMES = (
  'Anna Ben Carla David Elena Farid Grace Hugo Ines Jonas Kira Liam Maya Noah Olga Pablo Quinn Rosa Sam Tara ' +
  'Umar Vera Wes Xenia Yusuf Zoe Chloé Renée Jürgen Zoë Søren Łukasz Ana Bruno Clara Dmitri Emma Finn Gita'
).split(' ');

export const LAST_NAMES = (
  'Smith Müller García Rossi Dubois Kowalski Nguyen Khan Silva Jensen Novak Ivanova Brown Taylor Wilson ' +
  'Moreau Schmidt Fischer Weber Martin Bernard Lopez Costa Pereira Sato Tanaka Kim Park Chen Wang Okafor'
).split(' ');

export const DOMAINS = (
  'gmail.com outlook.com yahoo.com icloud.com proton.me gmx.de web.de orange.fr example.org acme-corp.test ' +
  'northwind.test contoso.test fabrikam.test initech.test globex.test umbrella.test hooli.test'
).split(' ');

export const SUBJECTS = [
  'Problem with order #{n}',
  'Refund request for invoice {n}',
  'Cannot log in to my account',
  'Password reset link not working',
  'Question about my subscription',
  'Package {n} arrived damaged',
  'Where is my delivery?',
  'Charged twice for order {n}',
  'How do I export my data?',
  'App crashes on startup after update',
  'Change billing address',
  'Upgrade plan for our team',
  'Cancel subscription {n}',
  'Missing item in order {n}',
  'Coupon code {n} does not apply',
  'Invoice {n} – VAT number missing',
  'Feature request: dark mode',
  'Slow loading on checkout page',
];

export const ATTACHMENTS = [
  { name: 'screenshot-{n}.png', type: 'image/png' },
  { name: 'invoice-{n}.pdf', type: 'application/pdf' },
  { name: 'photo_{n}.jpg', type: 'image/jpeg' },
  { name: 'export-{n}.csv', type: 'text/csv' },
  { name: 'receipt {n}.pdf', type: 'application/pdf' },
];

export const MAILERS = [
  'User-Agent: Mozilla Thunderbird',
  'X-Mailer: iPhone Mail (21F90)',
  'X-Mailer: Microsoft Outlook 16.0',
  'User-Agent: Roundcube Webmail/1.6.5',
  'X-Mailer: Apple Mail (2.3774.600.62)',
];

/** Prebuilt text and base64 pools; message bodies are slices of these (fast and deterministic). */
export interface Pools {
  /** Text lines of at most 76 ASCII characters; '' marks a paragraph break. */
  lines: string[];
  /** Base64 lines of 76 characters (attachment payloads). */
  base64Lines: string[];
}

/** Builds the pools from their own PRNG stream so they do not depend on N. */
export function buildPools(seed: number): Pools {
  const rng = new Prng(seed ^ 0x5bd1e995);
  const lines: string[] = [];
  for (let p = 0; p < 3000; p++) {
    const sentences = 2 + rng.int(6);
    let para = '';
    for (let s = 0; s < sentences; s++) {
      const n = 5 + rng.int(14);
      const words: string[] = [];
      for (let w = 0; w < n; w++) words.push(rng.pick(WORDS));
      const first = words[0] ?? 'ok';
      words[0] = first.charAt(0).toUpperCase() + first.slice(1);
      para += (para ? ' ' : '') + words.join(' ') + rng.pick(['.', '.', '.', '?', '!']);
    }
    lines.push(...wrap(para, 72), '');
  }
  const raw = rng.bytes(3 * 1024 * 1024);
  const b64 = raw.toString('base64');
  const base64Lines: string[] = [];
  for (let i = 0; i + 76 <= b64.length; i += 76) base64Lines.push(b64.slice(i, i + 76));
  return { lines, base64Lines };
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
