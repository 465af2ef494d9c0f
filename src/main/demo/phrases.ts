/**
 * The connective text of the demo mailbox: greetings, sign-offs, thank-yous, courtesy
 * replies, out-of-office notices, notes between colleagues and shop-initiated messages.
 * See topic.ts for the slot syntax.
 */
import type { Voice } from './cast';

/** Customer greetings by voice; an empty string means no greeting line. */
export const GREETINGS: Readonly<Record<Voice, readonly string[]>> = {
  formal: ['Dear Harbour Bikes,', 'Dear Sir or Madam,', 'Hello,', 'Dear all,'],
  casual: ['Hi,', 'Hi there,', 'Hello!', 'Hi Harbour Bikes team,', 'Hiya,', 'Hi folks,'],
  brief: ['', '', 'Hi,', 'Hello,'],
};

/** Customer sign-offs by voice. */
export const SIGNOFFS: Readonly<Record<Voice, readonly string[]>> = {
  formal: ['Kind regards,', 'Best regards,', 'Many thanks,', 'Yours faithfully,', 'With thanks,'],
  casual: ['Thanks!', 'Cheers,', 'Thanks so much,', 'Many thanks,', 'Best,'],
  brief: ['Thanks', 'Cheers', 'Thx', ''],
};

/** Opening line of a team reply. */
export const TEAM_OPENERS: readonly string[] = [
  'Thanks for getting in touch.',
  'Thanks for your email.',
  'Thanks for letting us know.',
  'Sorry for the slow reply, it has been a busy week in the workshop.',
  'Thanks for the message.',
  '',
  '',
];

/** Closing line of a team reply. */
export const TEAM_CLOSERS: readonly string[] = [
  'Any questions, just reply to this email.',
  'Let me know if that works for you.',
  'Just reply here if you need anything else.',
  'Hope that helps.',
  '',
  '',
];

/** Valediction above the teammate's name in a team reply. */
export const TEAM_VALEDICTIONS: readonly string[] = [
  'Best wishes,',
  'Thanks,',
  'Cheers,',
  'Kind regards,',
  'All the best,',
];

/** Supplier conversations the shop starts with its parts distributor. */
export const SUPPLIER_THREADS: ReadonlyArray<{ subject: string; ask: string; answer: string; thanks: string }> = [
  {
    subject: 'Back-order on dynamo hubs',
    ask: "Could you give us an updated date for the two dynamo front hubs on our account order? A customer's touring build is waiting on them.",
    answer:
      "The hubs are due into our warehouse on {day+6} and will go out to you the same day. I've flagged your order as a priority.",
    thanks: "Thanks, that's helpful. I'll let the customer know.",
  },
  {
    subject: 'Damaged items in delivery {invoice}',
    ask: 'Our delivery this morning ({invoice}) had two crushed boxes: a 36V charger and a set of mudguards. Photos attached. Could you send replacements?',
    answer:
      "Sorry about that. Replacements are booked on tomorrow's van, and a collection for the damaged items is arranged for the same drop.",
    thanks: 'Perfect, thank you.',
  },
  {
    subject: 'Trade account credit limit',
    ask: 'With the council trial starting we expect our orders to roughly double for the next three months. Could we raise our trade credit limit?',
    answer:
      "I've spoken to our credit team and raised the limit for the next quarter. You'll see it on your account from tomorrow.",
    thanks: 'Thanks, much appreciated.',
  },
];

/** A customer's closing message once the problem is solved. */
export const THANKS: readonly string[] = [
  "Thank you, that's really helpful.",
  'Brilliant, thank you.',
  'Great, thanks very much for your help.',
  'Thanks, really appreciate it.',
  'Great, thanks for the quick reply.',
  'Thanks {team}, much appreciated.',
  'Lovely, thanks again.',
  'Thanks, that all makes sense.',
];

/** Follow-up questions (and answers) for cases that have none of their own. */
export const GENERIC_FOLLOWUPS: ReadonlyArray<readonly [string, string]> = [
  [
    'Thanks. Just to check, do I need to do anything else?',
    "Nothing else needed from you. We'll be in touch if anything changes.",
  ],
  [
    'Thanks for the quick reply. Is it OK to ring the shop if I have more questions?',
    'Of course, the number is in my signature.',
  ],
];

/** The team's answer to a thank-you. */
export const WELCOMES: readonly string[] = [
  "You're welcome. Enjoy the ride!",
  'Any time, glad we could help.',
  'Our pleasure. See you next time.',
];

/** Courtesy replies that promise an answer by a day: the promise the app tracks. */
export const COURTESY: readonly string[] = [
  "Thanks for your message. I'm out of the shop until {day+2}, and I'll get back to you by {day+3} with a proper answer.",
  "Thanks {first}, I've got this. I need to check with our supplier first, so I'll come back to you by {day+2}.",
  "Just to let you know we've received this. I'm looking into it and will reply in full by {day+3} at the latest.",
  "Thanks, I'll get back to you by {day+2}. I need to check a couple of things before I answer properly.",
  "Got it, thank you. We're short-staffed this week, but I'll have an answer for you by {day+4}.",
];

/** The full answer that follows a courtesy reply. */
export const COURTESY_FOLLOWUP_OPENERS: readonly string[] = [
  "As promised, here's the full answer.",
  'Sorry this took a day longer than I said.',
  'Following up on my last email.',
  "I've now heard back.",
];

/** Out-of-office texts customers' mail systems send back (Auto-Submitted: auto-replied). */
export const AUTO_REPLIES: Readonly<Record<'personal' | 'organisation', readonly string[]>> = {
  personal: [
    "Thanks for your email. I'm on holiday until {date+5} with very little signal, and I'll reply when I'm back.",
    "I'm away until {day+4} and not checking email. I'll get back to you when I return.",
  ],
  organisation: [
    'Thank you for your email. I am out of the office until {date+5} with limited access to email. For anything urgent please contact the main office.',
    "I'm on annual leave and will be back on {day+4}. I will reply to your message when I return.",
    'Thank you for contacting {org}. Your message has been received and will be dealt with within five working days. Please do not reply to this automatic message.',
  ],
};

/** Colleagues writing to the shared mailbox: internal customers who get the same clock. */
export const COLLEAGUE_NOTES: ReadonlyArray<{ subject: string; body: string; reply: string }> = [
  {
    subject: 'Customer called about e-bike battery',
    body: "Margaret Osei rang the shop this morning about her e-bike battery not holding charge. She'd like a call back this afternoon if possible (01632 960725). Could whoever is on the inbox pick it up? I'm on the shop floor all day.",
    reply: "I'll call her after lunch and log it on the job board.",
  },
  {
    subject: 'Workshop closed Thursday morning',
    body: 'Heads up: the electrician is in on Thursday morning, so the workshop is closed until 12. Could we move the two morning bookings and let those customers know?',
    reply: 'Both moved to Friday morning and the customers have confirmed. Thanks for the warning.',
  },
  {
    subject: 'Parts order for next week',
    body: "Can someone add brake pads (disc, organic) x 20, 700x32 inner tubes x 30 and two 11-speed chains to the Northwind order before Friday's cut-off?",
    reply: 'Added to the basket. It goes in on Friday at noon.',
  },
  {
    subject: 'Saturday rota',
    body: "I've got a family thing on Saturday afternoon. Could anyone swap with me, or cover 1 till close?",
    reply: "I can cover 1 till close. I'll swap you for the Tuesday late.",
  },
  {
    subject: 'Can someone reply to the school about the Bikeability week?',
    body: "Hillside Primary emailed my personal address about checking the bikes before their Bikeability week. I've told them to use support@ in future. Could whoever does bookings pick it up?",
    reply: "On it. I'll send them dates for the van visit today.",
  },
  {
    subject: 'Till reconciliation for last week',
    body: "Card takings and the till report for last week are £42.50 apart. Has anyone done a refund that didn't go through the till?",
    reply: "That was me: a refund for a returned mudguard set went back on the card terminal. I'll log it properly.",
  },
  {
    subject: 'Customer left their helmet',
    body: 'Someone left a grey helmet on the bench after their service collection. I think it was the chap with the Corsair. Could we email the customers from yesterday afternoon?',
    reply: "Found him: Daniel Kovacs. He'll pick it up on Saturday.",
  },
  {
    subject: 'Van booked for the council job',
    body: "I've booked the van for the council fleet visit on the 14th. We'll need the portable stand and the big toolbox. Can someone confirm the time with them?",
    reply: 'Confirmed 9:00 with Rachel at the council depot.',
  },
  {
    subject: 'Website stock levels wrong',
    body: 'The website says we have six of the 36V chargers but I count two on the shelf. Can whoever handles online orders check before we oversell?',
    reply: "Fixed. The stock count hadn't been synced since the delivery mix-up. Two it is.",
  },
  {
    subject: 'Voicemail from Quayside Hotel',
    body: 'Sophie from the Quayside Hotel left a voicemail: two of their guest bikes have flat tyres and they have a group on Saturday. Can someone get back to her today?',
    reply: 'Called her back. Patrick is bringing the bikes over tomorrow morning.',
  },
];

/** Messages the shop starts: collections, estimates, reminders. */
export const OUTBOUND: ReadonlyArray<{
  subject: string;
  body: string;
  /** The customer's answer and the shop's acknowledgement of it. */
  replies: ReadonlyArray<readonly [string, string]>;
}> = [
  {
    subject: 'Your {bike} is ready for collection',
    body: "Good news: your {bike} is ready to collect (job {job}). We replaced the brake pads and adjusted the gears; the total is {price}. We're open until 5:30 on weekdays and 5 on Saturday.",
    replies: [
      ["Great, thanks! I'll come by on {day+1} after work.", 'See you then.'],
      ["Brilliant. Can my partner collect it? She'll have the job number.", "Of course, I've made a note on the job."],
      ['Thanks, is it OK if I pick it up on Saturday?', "Saturday is fine. We're open until 5."],
    ],
  },
  {
    subject: 'Estimate for job {job}',
    body: "We've had a look at your {bike}. The rear wheel bearings are worn and the chain is past its best. Replacing both comes to {price} including labour. Would you like us to go ahead?",
    replies: [
      ['Yes please, go ahead.', "Thanks, we'll get started. It should be ready tomorrow afternoon."],
      [
        'Could you just do the chain for now? Money is a bit tight this month.',
        "No problem, just the chain. The bearings will last a few more weeks; we'll keep an eye on them.",
      ],
      ['OK, go ahead. How long will it take?', "It'll be ready by {day+1} lunchtime."],
    ],
  },
  {
    subject: 'Your part has arrived',
    body: "The {part} you ordered has arrived and is at the counter with your name on it. We'll keep it for two weeks.",
    replies: [
      ["Thanks, I'll come in on Saturday.", 'See you then.'],
      ['Could you fit it if I bring the bike in on {day+2}?', "Yes, I've booked it in. It takes about twenty minutes."],
    ],
  },
  {
    subject: 'Reminder: your service booking tomorrow',
    body: "Just a reminder that your {bike} is booked in for a service tomorrow (ref {job}). Drop it off any time after 8:30. If you can't make it, just reply and we'll rearrange.",
    replies: [
      ['Thanks for the reminder, see you tomorrow.', 'Thanks, see you tomorrow.'],
      [
        'Ah, I completely forgot. Could we move it to next week?',
        "No problem, I've moved it to the same time next week.",
      ],
    ],
  },
];
