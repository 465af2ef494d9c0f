/**
 * Shop-floor topics for the demo mailbox: online orders, late deliveries, returns, parts and
 * children's bikes. See topic.ts for the slot syntax.
 */
import type { Topic } from './topic';

/** Topics usually answered by the shop (Alice). */
export const SHOP_TOPICS: readonly Topic[] = [
  {
    key: 'order',
    role: 'shop',
    audience: 'any',
    cases: [
      {
        subjects: ['Order {order}', 'Has my order gone out?', 'No dispatch email for {order}'],
        opening:
          "I placed an order on your website on Sunday evening ({order}) for a {part} and haven't had a dispatch email yet.",
        details: [
          'The payment has gone out of my account, so I assume it went through.',
          'I need it before a sportive on {day+6}, so the timing matters a bit.',
          "I've checked my spam folder in case the email went there.",
        ],
        asks: ['Could you let me know where it is?', 'Can you check and let me know?'],
        replies: [
          "I've looked up {order}: it was packed yesterday and went out with {courier} this morning. The tracking number is {tracking}, and they usually deliver within two working days.",
          "Sorry about the missing email. {order} is packed and waiting for collection by {courier}; it should reach you by {day+2}. I've resent the confirmation to this address.",
        ],
        followups: [
          [
            'Thanks. The tracking link still says "awaiting collection". Is that normal?',
            '{courier} only scan parcels at their depot, so it can show "awaiting collection" for most of the first day. If it hasn\'t moved by {day+2}, tell me and I\'ll chase them.',
          ],
          [
            'Brilliant, thank you. Could you add a {part2} to the same parcel?',
            "It had already gone, so I've sent the second item separately and refunded the extra postage.",
          ],
        ],
      },
      {
        subjects: ['Online order - change of address', 'Wrong address on {order}'],
        opening: 'Quick one about order {order}: I put my old address on it by mistake. We moved last month.',
        details: ['The new address is 41 Chandlers Walk, Portside PO3 7QD.', 'The old flat is empty now.'],
        asks: ['Is it possible to change it before it goes out?', 'Can you update it?'],
        replies: [
          "No problem, I've caught it before dispatch and changed the address on {order}. It will go out today with {courier}.",
        ],
        followups: [
          [
            'Thanks for sorting that. Will I get a new confirmation email?',
            "You should have it now. If it hasn't turned up in ten minutes, the order page on the website shows the same details.",
          ],
        ],
      },
      {
        subjects: ['Order {order} - wrong size', 'Change frame size on my order'],
        opening:
          "I've just realised I ordered the {size} frame of the {bike} when I meant the next size up. Order {order}.",
        details: ["I'm 1.83m, if that helps.", 'I only placed the order an hour ago.'],
        asks: ['Can you change it before it ships?', 'Is it too late to swap?'],
        replies: [
          "I've swapped the frame size on {order}. The price is the same, so there's nothing more to pay, and it will leave us on {day+1}.",
        ],
        followups: [
          [
            'Perfect. Will it come fully built?',
            'It comes 90% built: you just need to fit the pedals and straighten the handlebar. The tools are in the box.',
          ],
        ],
      },
    ],
  },
  {
    key: 'delivery',
    role: 'shop',
    audience: 'any',
    cases: [
      {
        subjects: ['Delivery still not arrived', 'Delayed delivery - {order}', 'Where is my parcel?'],
        opening:
          'My order {order} was meant to arrive on Tuesday and there is still no sign of it. The tracking has not updated since it left your shop.',
        details: [
          "I've been working from home all week, so someone was in.",
          'It was a birthday present, so I was hoping to have it by the weekend.',
        ],
        asks: ['Could you chase it up please?', 'Can you tell me what is going on?'],
        replies: [
          "The tracking shows it stuck at the {courier} hub since Friday. I've chased them and asked them to prioritise it, and I'll email you as soon as I hear back.",
          "I'm sorry about this. I've opened a claim with {courier} for {tracking}. If it hasn't turned up by {day+2}, I'll send a replacement at our cost.",
        ],
        followups: [
          [
            "Still nothing here today, I'm afraid.",
            "Thanks for letting me know. I've sent a replacement today by tracked next-day delivery and will deal with {courier} myself.",
          ],
          ['It arrived this morning! Thanks for chasing.', 'Great news. Sorry again for the wait.'],
        ],
      },
      {
        subjects: ['Courier says delivered but nothing here', 'Missing parcel {tracking}'],
        opening:
          "The {courier} tracking for {tracking} says it was delivered at 14:02 yesterday, but nothing came to the house and the neighbours haven't got it.",
        details: ['There is no photo on the tracking page, which they normally have.', ''],
        asks: ["What's the best way to sort this out?", 'Do I need to claim from the courier?'],
        replies: [
          "You don't need to do anything: the claim is ours to make. I've opened one with {courier}; they give themselves 48 hours to investigate, and if it hasn't turned up by {day+2} I'll send a replacement.",
        ],
        followups: [
          [
            'A neighbour three doors down had it! Sorry for the trouble.',
            "Not at all, glad it turned up. I'll close the claim with {courier}.",
          ],
        ],
      },
      {
        subjects: ['Parcel arrived damaged', 'Damaged delivery - {order}'],
        opening: 'The parcel with my {part} arrived today, but the box was crushed and the part inside is bent.',
        details: ['It must have been dropped from a height.', ''],
        asks: ['Can you send a replacement?', 'What would you like me to do with the damaged one?'],
        replies: [
          "That isn't good enough, and I'm sorry. I've sent a replacement {part} today by tracked next-day delivery. You don't need to return the damaged one.",
        ],
        followups: [
          [
            'Thanks, the replacement arrived this morning, all fine. Do you want the damaged one back after all?',
            'No need, please recycle it. Glad it got there in the end.',
          ],
        ],
        customerFile: 'photo',
      },
    ],
  },
  {
    key: 'refund',
    role: 'shop',
    audience: 'individual',
    cases: [
      {
        subjects: ['Returning a {part}', 'Can I return this?', 'Return for order {order}'],
        opening:
          "I'd like to return the {part} I bought online (order {order}). It turned out not to fit my {bike}. It's unused and still in its box.",
        details: ['I paid {price} by card.', 'I kept all the packaging.'],
        asks: ['How do I go about returning it?', 'What do I need to do?'],
        replies: [
          "Of course. Unused items can come back within 30 days. Post it to the shop with your order number, or drop it in, and I'll refund {price} to your card the day it arrives.",
        ],
        followups: [
          [
            'Thanks. Do I need to fill in a returns form?',
            'No form needed, just a note in the box with your order number or name.',
          ],
          [
            'Great, is it OK if my partner drops it in on {day+2}?',
            'Yes, anyone can drop it in; they just need your order number.',
          ],
        ],
      },
      {
        subjects: ['Refund not received yet', 'Refund for order {order}'],
        opening: "I sent back a {part} two weeks ago and haven't seen the refund yet.",
        details: ['The return was sent by Royal Mail tracked and shows as signed for by "HARBOUR".', 'It was {price}.'],
        asks: ['Could you check on the refund?', 'Can you see what happened?'],
        replies: [
          "Found it: the parcel arrived on Thursday but was put in the workshop by mistake. I've processed the refund of {price} today; it usually takes three to five working days to show.",
        ],
        followups: [
          [
            'Thank you. Could you confirm once it has gone through?',
            'It went through this morning. Your bank may take a few days to show it.',
          ],
        ],
      },
      {
        subjects: ['Bought the same thing twice', 'Refund for an in-store purchase'],
        opening: 'I bought a {part} in the shop on Saturday, but my partner had already bought the same thing online.',
        details: ['I have the receipt.', ''],
        asks: ['Can I get a refund or swap it for store credit?'],
        replies: [
          'No problem at all. Bring it in with the receipt whenever suits, and we can refund it to your card or give you a voucher, whichever you prefer.',
        ],
        followups: [["Thanks, I'll take a voucher. Does it expire?", 'Vouchers are valid for two years.']],
      },
    ],
  },
  {
    key: 'parts',
    role: 'shop',
    audience: 'any',
    cases: [
      {
        subjects: ['Do you have a {part} in stock?', 'Stock check please'],
        opening: 'Could you check whether you have a {part} that would fit a {bike} before I come over from Southsea?',
        details: ['I can come in on {day+1} afternoon.', 'The bike is about four years old, if that matters.'],
        asks: ['Can you reserve one for me?', 'Could you let me know?'],
        replies: [
          "We have two in stock, {price} each. I've put one behind the counter with your name on it until {day+3}.",
        ],
        followups: [
          [
            "Perfect, I'll come in on {day+1}. Do you close at 5:30?",
            "We're open until 5:30 on weekdays and 5 on Saturday. It'll be at the counter.",
          ],
          [
            'Could you fit it while I wait?',
            'Fitting takes about twenty minutes, so yes. Mornings are quietest in the workshop.',
          ],
        ],
      },
      {
        subjects: ['{part} - when back in stock?', 'Parts availability'],
        opening: "Your website shows the {part} as out of stock. Do you know when you'll have more?",
        details: ['The big online shops are all quoting six weeks.', "I'm happy to pay a deposit."],
        asks: ['Any idea on timing?', 'Could you order one in for me?'],
        replies: [
          "Our supplier has them back on {date+5}. I can order one in for you with no deposit; it would be {price}, and we'd fit it free if you book it in.",
          "We don't carry that exact one any more, but the newer version fits your bike and is {price}. I have one in stock.",
        ],
        followups: [
          ['Yes please, go ahead and order it.', "Ordered. I'll email you as soon as it lands, probably {day+4}."],
          ['Is the newer one definitely compatible?', "Yes, I've checked it against the spec sheet for your bike."],
        ],
      },
    ],
  },
  {
    key: 'kids',
    role: 'shop',
    audience: 'individual',
    cases: [
      {
        subjects: ['Kids bike sizing', 'Which size for a 7 year old?'],
        opening:
          "I'm looking for a bike for {kid}, who is 7 and about 122cm tall. I'm not sure whether a 20-inch or a 24-inch wheel is right.",
        details: ['Budget is around {price}.', 'They ride mostly in the park and to school.'],
        asks: ['What would you recommend?', 'Can we come and try a couple?'],
        replies: [
          'At 122cm a 20-inch wheel is usually right; the 24-inch would be a stretch for another year. The best thing is to bring them in to try both. Saturday mornings are good.',
        ],
        followups: [
          [
            "Great, we'll pop in on Saturday. Do we need to book?",
            "No need to book. Before eleven it's quieter and we can take our time.",
          ],
        ],
      },
      {
        subjects: ['Trade-in for a kids bike?', 'Part exchange'],
        opening: '{kid} has outgrown their Puffin 20-inch. Do you do trade-ins towards the next size up?',
        details: ['It has a few scratches but works fine.', ''],
        asks: ['How much would it be worth?', 'How does it work?'],
        replies: [
          "Yes, we take kids bikes in part exchange. A Puffin in decent condition is usually worth about £60 towards the next one. Bring it in and we'll look it over.",
        ],
        followups: [
          [
            'Thanks. Could you hold a blue 24-inch until the weekend?',
            "Done, it's under your name until Saturday closing.",
          ],
        ],
      },
      {
        subjects: ['First bike for {kid}', 'Birthday bike'],
        opening:
          "We'd like to get {kid} a first pedal bike for their birthday. They've been on a balance bike for a year.",
        details: ['The birthday is on {date+9}.', ''],
        asks: ['Do you have anything in stock?', 'What would you recommend?'],
        replies: [
          'For a first pedal bike after a balance bike, a 16-inch with a single hand brake works well. We have two colours in stock at {price}.',
        ],
        followups: [
          [
            'Thanks. Do you fit stabilisers?',
            "We can, but honestly after a balance bike most children don't need them.",
          ],
        ],
      },
    ],
  },
];
