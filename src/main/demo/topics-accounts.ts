/**
 * Bookings, money and organisation topics for the demo mailbox: service bookings, invoices,
 * Cycle to Work vouchers, hire, fleet servicing and group orders. See topic.ts for slots.
 */
import type { Topic } from './topic';

/** Topics usually answered by bookings & accounts (Chloe) or the owner (Sam). */
export const ACCOUNTS_TOPICS: readonly Topic[] = [
  {
    key: 'booking',
    role: 'accounts',
    audience: 'any',
    cases: [
      {
        subjects: ['Service booking', 'Can I book a service?', 'Booking a service this week'],
        opening: "I'd like to book my {bike} in for a service. Is there anything available this week?",
        details: ['Mornings are easiest for me.', 'I can drop it off the evening before if that helps.'],
        asks: ['What do you have?', 'Could you let me know?'],
        replies: [
          "I can fit you in on {day+2}. Drop it off any time after 8:30 and we'll call when it's ready. I've booked it under {job}.",
        ],
        followups: [
          ['Thanks! Do you need the bike clean?', 'Not at all, although it gets a wash as part of the service anyway.'],
          [
            "Perfect. Could you also look at the front light while it's in?",
            "Of course, I've added a note to the job card.",
          ],
        ],
      },
      {
        subjects: ['Change my booking please', 'Booking {job} - new date?'],
        opening: 'I have a service booked for {day+1} (ref {job}), but something has come up at work.',
        details: ['Sorry to mess you around.', ''],
        asks: ['Could we move it to next week?', 'Is there another slot?'],
        replies: ["That's no problem at all. I've moved {job} to {day+7}, same time. Just reply if that doesn't work."],
        followups: [
          ['Could I collect it on Saturday instead of Friday?', "Yes, Saturday is fine. We're open until 5."],
        ],
      },
      {
        subjects: ['Cancel booking {job}', 'Cancelling my service'],
        opening: "I need to cancel my booking {job}. I'm really sorry for the short notice.",
        details: ["I'm moving away sooner than planned.", ''],
        asks: ['Is there a cancellation fee?'],
        replies: [
          "No fee, and thanks for letting us know. I've cancelled {job}. Whenever you want to rebook, just reply to this email.",
        ],
        followups: [],
      },
    ],
  },
  {
    key: 'invoice',
    role: 'accounts',
    audience: 'any',
    cases: [
      {
        subjects: ['VAT invoice for {order}', 'Invoice request'],
        opening: 'Could you send me a VAT invoice for order {order}? I need it for expenses.',
        details: ['It needs to show our company name.', ''],
        asks: ['Could you email it to me?'],
        replies: ['Of course, the invoice is attached. Let me know if anything on it needs changing.'],
        followups: [
          ['Thanks. Could it be addressed to my employer instead?', "No problem, I've attached an updated copy."],
        ],
        teamFile: 'invoice',
      },
      {
        subjects: ['Invoice {invoice} - query', 'Query on invoice {invoice}'],
        opening: "We've received invoice {invoice}, but the total doesn't match the quote we were given.",
        details: ['The quote was {price} and the invoice says more.', ''],
        asks: ['Can you check it?'],
        replies: [
          "You're right: the labour was entered twice. I've attached a corrected invoice for {price}. Sorry for the confusion.",
        ],
        followups: [["That's great, thank you. Do you need anything else from us?", "Nothing else, you're all set."]],
        teamFile: 'invoice',
      },
      {
        subjects: ['Copy of receipt please', 'Lost receipt'],
        opening: "I've lost the receipt for the {bike} I bought in March. Could you send a copy?",
        details: ['I need it for the insurance.', ''],
        asks: ['Can you help?'],
        replies: ["Of course. I've attached a copy of the invoice, which works as a receipt."],
        followups: [],
        teamFile: 'invoice',
      },
      {
        subjects: ['Payment for {invoice}', 'Remittance - {invoice}'],
        opening: "I've paid invoice {invoice} by bank transfer today. The reference is our purchase order {po}.",
        details: [''],
        asks: ['Could you confirm when it is received?'],
        replies: [
          'Thanks, I can see the payment in our account and have marked {invoice} as paid. A receipt is attached for your records.',
        ],
        followups: [],
        teamFile: 'invoice',
      },
    ],
  },
  {
    key: 'cyclescheme',
    role: 'accounts',
    audience: 'individual',
    cases: [
      {
        subjects: ['Cycle to Work voucher', 'Using my Cycle to Work certificate'],
        opening:
          'My employer has approved a Cycle to Work certificate for {bigPrice}. Can I use it with you for the {bike}?',
        details: [
          "I'd also want mudguards and a lock on the same certificate.",
          'The certificate expires at the end of next month.',
        ],
        asks: ['How does it work with you?'],
        replies: [
          "Yes, we accept all the main schemes. Send me a photo of the certificate and I'll reserve the bike; accessories can go on the same certificate.",
        ],
        followups: [
          [
            'Great, photo attached. When could I collect?',
            "It will be built and checked by {day+3}. I'll email when it's ready.",
          ],
        ],
      },
      {
        subjects: ['Ride-to-work scheme question', 'Cycle to Work and e-bikes'],
        opening:
          "I'm thinking about the Cycle to Work scheme for an e-bike, but the bike I want is a bit more than the usual limit.",
        details: [''],
        asks: ['Can I pay the difference?', 'Which schemes do you accept?'],
        replies: [
          "We accept all the main schemes, and you can pay any difference by card when you collect. Many employers now allow more for e-bikes, so it's worth asking HR for the exact amount.",
        ],
        followups: [
          [
            'Thanks, HR says up to {bigPrice}. Can I come in to test ride first?',
            'Of course. Test rides are free; just bring photo ID.',
          ],
        ],
      },
    ],
  },
  {
    key: 'hire',
    role: 'accounts',
    audience: 'any',
    cases: [
      {
        subjects: ['Bike hire for {day+5}', 'Do you hire e-bikes?'],
        opening:
          'We have visitors staying next week and would like to hire two bikes for {day+5} and {day+6}, ideally e-bikes for the coast path to Hayling.',
        details: ['A mix of heights, about 5\'2" and 6\'1".', "We'd need helmets as well."],
        asks: ['What would it cost?', 'How does booking work?'],
        replies: [
          "We can do that. Hybrids are £25 a day and e-bikes £45, with helmets and locks included. I've pencilled them in; a deposit of £50 per bike confirms the booking.",
        ],
        followups: [
          [
            'Lovely. Can we pick them up the evening before?',
            'Yes, any time after 4 the day before, at no extra charge.',
          ],
        ],
      },
      {
        subjects: ['Hiring bikes for a group', 'Hire enquiry'],
        opening: "I'm organising a team day out for {qty} people and wondered whether you could provide bikes.",
        details: ['It would be a Friday in a few weeks.', ''],
        asks: ['Do you have enough available?', 'Is there a discount for groups?'],
        replies: [
          "We have up to twelve hire bikes, so for {qty} people I'd suggest a mix of hybrids and e-bikes. Groups of ten or more get 15% off; I've attached a quote.",
        ],
        followups: [
          [
            'Thanks, that looks good. How do we confirm?',
            'A deposit of £50 a bike confirms it. I can take it over the phone.',
          ],
        ],
        teamFile: 'quote',
      },
    ],
  },
  {
    key: 'fleet',
    role: 'owner',
    audience: 'organisation',
    cases: [
      {
        subjects: ['Servicing for our bikes', '{org} - fleet service', 'Annual check of our bikes'],
        opening: '{org} has {qty} bikes that need their annual safety check before the summer.',
        details: ['We could bring them over in two batches.', 'Ideally you would come to us, as moving them is hard.'],
        asks: ['Could you send a quote?', 'Is this something you could help with?'],
        replies: [
          "We'd be glad to. For {qty} bikes we can come to you with the van; a safety check is £30 a bike, with any parts quoted before we fit them. I've attached a quote.",
        ],
        followups: [
          ['That looks good. Could you do {day+4}?', "{day+4} is fine. We'll arrive around 9."],
          ['Could you include lights in the checks?', 'Yes, we check lights, bells and reflectors as standard.'],
        ],
        teamFile: 'quote',
      },
      {
        subjects: ['Purchase order {po}', 'PO for service work'],
        opening: 'Please find attached our purchase order {po} for the service work we discussed on the phone.',
        details: ['Our finance team needs the PO number on the invoice.', ''],
        asks: ['Please confirm receipt.'],
        replies: ["Received, thank you. We'll quote {po} on the invoice. Would {day+3} work for the first batch?"],
        followups: [
          [
            'Thanks. Can the invoice go to our accounts team directly?',
            "Yes, send me their address and I'll copy them in.",
          ],
        ],
        customerFile: 'purchaseOrder',
      },
      {
        subjects: ['Urgent repair - snapped gear cable', 'One of our bikes is off the road'],
        opening: 'One of our bikes has a snapped gear cable and we need it back on the road quickly.',
        details: ["It's the one we use most.", ''],
        asks: ['When could you fit it in?'],
        replies: ["Bring it in tomorrow morning and we'll prioritise it. A gear cable is a quick job."],
        followups: [
          ['Thanks. Could someone drop it back to us afterwards?', "Yes, we'll bring it over on the van at lunchtime."],
        ],
      },
    ],
  },
  {
    key: 'groupOrder',
    role: 'shop',
    audience: 'organisation',
    cases: [
      {
        subjects: ['Group order for {org}', 'Bulk order - helmets and lights', 'Order for {qty} helmets'],
        opening: "We'd like to place a group order for {qty} helmets and sets of lights for {org}.",
        details: ['We need them by {date+14}.', 'Is there a discount for a bulk order?'],
        asks: ['Could you send a quote?', 'Can you get these in time?'],
        replies: [
          "Thanks for thinking of us. For an order this size we can do 15% off; I've attached the quote. Most items are in stock and the rest will be here by {day+6}.",
        ],
        followups: [
          ['Thank you, please go ahead with the order.', "Ordered. I'll let you know the moment everything is here."],
          [
            'Could we split the invoice between two budgets?',
            "Of course. Tell me the split and I'll raise two invoices.",
          ],
        ],
        customerFile: 'csv',
        teamFile: 'quote',
      },
      {
        subjects: ['Kit order', 'Spares for the club toolbox'],
        opening:
          "Following the committee meeting, we'd like to order some spares for the {org} toolbox. The list is attached.",
        details: ['Payment would be by bank transfer.', ''],
        asks: ['How would payment work?', 'Could you send a quote?'],
        replies: ['We can do all of those. Payment by bank transfer on invoice is fine for clubs and schools.'],
        followups: [['Thank you, please go ahead.', "Ordered. I'll let you know when it's ready to collect."]],
        customerFile: 'csv',
        orgKinds: ['club', 'charity'],
      },
    ],
  },
];
