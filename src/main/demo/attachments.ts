/**
 * Turns an attachment kind into a small file with a plausible name: invoices, quotes and
 * forms as one-page PDFs, photos as tiny PNGs, lists as CSV, fit notes as text.
 */
import type { MailComposerAttachment } from 'nodemailer/lib/mail-composer/index.js';
import { SHOP } from './cast';
import { makeCsv, makeDamagePhoto, makeLogo, makePdf, type Rgb } from './files';
import type { DemoRandom } from './random';
import { type AttachmentKind, type Slots, dayMonth } from './topic';

/** What a file may mention: the thread's slots, the customer and the message date. */
export interface FileContext {
  random: DemoRandom;
  slots: Slots;
  customerName: string;
  at: number;
}

const FRAME_COLOURS: readonly Rgb[] = [
  [200, 40, 40],
  [30, 90, 170],
  [40, 140, 80],
  [230, 200, 40],
  [60, 60, 70],
];

const CSV_ITEMS: readonly string[] = [
  'Helmet',
  'Front and rear light set',
  'High-vis vest',
  'Inner tube 700x32',
  'Tyre 20x1.75',
  'Track pump',
  'D-lock',
];
const CSV_NAMES: readonly string[] = [
  'A. Khan',
  'B. Lewis',
  'C. Murphy',
  'D. Osei',
  'E. Park',
  'F. Quinn',
  'G. Rossi',
  'H. Singh',
  'I. Turner',
  'J. Walsh',
];

function slot(slots: Slots, name: string, fallback: string): string {
  return slots[name] ?? fallback;
}

function pdfHeader(ctx: FileContext): string[] {
  return [
    `${SHOP.name}, ${SHOP.street}`,
    `Tel. ${SHOP.phone}   ${SHOP.web}`,
    '',
    `Date: ${dayMonth(ctx.at)} ${new Date(ctx.at).getUTCFullYear()}`,
    `For: ${ctx.customerName}`,
    '',
  ];
}

interface PdfDocument {
  title: string;
  filename: string;
  lines: string[];
}

/** Title, file name and lines of the one-page PDF documents. */
function documentFor(kind: 'quote' | 'receipt' | 'purchaseOrder' | 'claimForm', ctx: FileContext): PdfDocument {
  const { random, slots } = ctx;
  if (kind === 'quote') {
    const number = `Q-${random.int(300, 899)}`;
    const lines = [
      `Bike: ${slot(slots, 'bike', 'customer bike')}`,
      'Work: as discussed, parts as listed',
      `Estimate: ${slot(slots, 'bigPrice', '£480.00')}`,
      'Valid for 30 days.',
    ];
    return { title: `Quote ${number}`, filename: `Quote-${number}.pdf`, lines };
  }
  if (kind === 'purchaseOrder') {
    const po = slot(slots, 'po', 'PO-000000');
    const lines = [
      `Purchase order ${po}`,
      'Supplier: Harbour Bikes',
      'Service work as agreed by phone',
      'Invoices must quote this number.',
    ];
    return { title: `Purchase order ${po}`, filename: `${po}.pdf`, lines };
  }
  if (kind === 'receipt') {
    const lines = ['Signed on behalf of the customer.', `Reference: ${slot(slots, 'po', 'PO-000000')}`];
    return { title: 'Signed agreement', filename: 'Signed-agreement.pdf', lines };
  }
  const lines = [
    `Frame / part: ${slot(slots, 'bike', '')}`,
    'Fault description: ______________________',
    'Date of purchase: ____________',
    'Signature: ______________',
  ];
  return { title: 'Warranty claim form', filename: 'Warranty-claim-form.pdf', lines };
}

/** One attachment of the given kind; `inlineCid` makes it an embedded image. */
export function makeAttachment(kind: AttachmentKind, ctx: FileContext, inlineCid?: string): MailComposerAttachment {
  const { random, slots } = ctx;
  switch (kind) {
    case 'photo':
    case 'logo': {
      const content =
        kind === 'logo' ? makeLogo() : makeDamagePhoto(random.pick(FRAME_COLOURS), [200, 200, 195], random.int(0, 99));
      const filename = kind === 'logo' ? 'logo.png' : `IMG_${random.int(1000, 9899)}.png`;
      return { filename, content, contentType: 'image/png', ...(inlineCid ? { cid: inlineCid } : {}) };
    }
    case 'invoice': {
      const number = slot(slots, 'invoice', 'INV-4500');
      const price = slot(slots, 'price', '£85.00');
      const lines = [
        ...pdfHeader(ctx),
        `Invoice ${number}`,
        `Reference: ${slot(slots, 'po', slot(slots, 'order', ''))}`,
        '',
        `Goods and labour ........ ${price}`,
        `Total (incl. VAT) ........ ${price}`,
        '',
        'Payment within 30 days by bank transfer. Thank you for your custom.',
      ];
      return {
        filename: `Invoice-${number}.pdf`,
        content: makePdf(`Invoice ${number}`, lines),
        contentType: 'application/pdf',
      };
    }
    case 'quote':
    case 'receipt':
    case 'purchaseOrder':
    case 'claimForm': {
      const doc = documentFor(kind, ctx);
      const header = kind === 'purchaseOrder' ? [ctx.customerName, ''] : pdfHeader(ctx);
      return {
        filename: doc.filename,
        content: makePdf(doc.title, [...header, ...doc.lines]),
        contentType: 'application/pdf',
      };
    }
    case 'csv': {
      const rows: Array<Array<string | number>> = [['Name', 'Item', 'Size', 'Quantity']];
      const count = random.int(5, 10);
      for (let i = 0; i < count; i++)
        rows.push([
          CSV_NAMES[i] as string,
          random.pick(CSV_ITEMS),
          random.pick(['S', 'M', 'L', 'n/a']),
          random.int(1, 3),
        ]);
      return {
        filename: random.pick(['order-list.csv', 'sizes.csv', 'bike-list.csv']),
        content: makeCsv(rows),
        contentType: 'text/csv',
      };
    }
    case 'fitNotes': {
      const text = [
        `Bike fit notes - ${ctx.customerName}`,
        `Bike: ${slot(slots, 'bike', '')}`,
        '',
        `Saddle height (BB to top): ${random.int(690, 790)} mm`,
        `Saddle setback: ${random.int(40, 80)} mm`,
        `Reach to hoods: ${random.int(480, 560)} mm`,
        `Handlebar drop: ${random.int(20, 90)} mm`,
        'Cleats: moved 2 mm back, 2 degrees heel-in on the right.',
        '',
        'Ride easy for the first week and tell us how the knees feel.',
      ].join('\n');
      return { filename: 'bike-fit-notes.txt', content: text, contentType: 'text/plain' };
    }
  }
}
