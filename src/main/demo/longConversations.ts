/**
 * Scripted long conversations (8-15 messages) for the demo mailbox: fleet contracts, a
 * warranty claim that drags on, a school's bike checks, a custom build waiting on parts.
 * `cc` steps are written by the colleague the customer copied in. See topic.ts for slots.
 */
import type { TeamRole } from './cast';
import type { AttachmentKind } from './topic';

/** One message of a scripted conversation. */
export interface LongStep {
  who: 'customer' | 'team' | 'cc';
  text: string;
  file?: AttachmentKind;
  /** Written this many days after the previous message (time passing in the story). */
  after?: number;
}

/** A scripted conversation; `org` picks the customer from that organisation, otherwise an individual. */
export interface LongScript {
  subject: string;
  role: TeamRole;
  org?: string;
  steps: readonly LongStep[];
}

/** The long conversations. */
export const LONG_SCRIPTS: readonly LongScript[] = [
  {
    subject: 'Cargo bike maintenance contract',
    role: 'owner',
    org: 'swift',
    steps: [
      {
        who: 'customer',
        text: "We run nine cargo e-bikes for same-day deliveries around Portside, and our current repairer is retiring. Could you take over maintenance? I've copied Lena, who runs the daily rota.",
      },
      {
        who: 'team',
        text: "We'd be glad to talk about it. To quote properly, could you tell us the models, roughly how many miles each does a week, and whether you'd want us to collect them or have riders drop them off?",
      },
      {
        who: 'cc',
        text: "They're all Otter cargo e-bikes, bought in two batches. Each does about 150 miles a week. Riders could drop them off, one or two a day, between 7 and 8 in the morning.",
      },
      {
        who: 'team',
        text: "Thanks Lena, that helps. I've attached a draft proposal: a monthly check per bike, brake pads and chains at cost plus labour, and a same-day turnaround for anything that stops a bike working.",
        file: 'quote',
      },
      {
        who: 'customer',
        text: 'The proposal looks sensible. Two questions: can you keep a loan bike for us when one is in for longer than a day, and what happens with motor faults under warranty?',
      },
      {
        who: 'team',
        text: "We can keep one Otter as a loan bike, at £15 a day when it's out. Motor faults under warranty we'd diagnose and handle with the manufacturer ourselves; you'd just need to tell us the purchase dates.",
      },
      {
        who: 'cc',
        text: "Purchase dates are 12 March last year for five of them and 3 September for the other four. I'll put the frame numbers in a spreadsheet for you.",
      },
      {
        who: 'customer',
        text: "We're happy to go ahead from the start of next month. Can you send the final version so I can get it signed off?",
      },
      {
        who: 'team',
        text: "Final version attached, with the loan bike and warranty handling added. If you sign and return it, we'll start with the first two bikes on {day+5}.",
        file: 'quote',
      },
      {
        who: 'customer',
        text: 'Signed copy attached. Kwame will bring the first two bikes on {day+5} at 7:30.',
        file: 'receipt',
      },
      {
        who: 'team',
        after: 5,
        text: "Received, thank you. The first two are done: both needed new rear pads and one had a loose motor connector, now secured. They're ready for collection.",
      },
      {
        who: 'cc',
        text: "Thanks. One of the riders says bike 6 has a squeak from the front since Monday. Can we add it to tomorrow's drop-off?",
      },
      {
        who: 'team',
        text: "Of course, bring it with the others. The squeak is most likely the front rack mount; it's an easy fix.",
      },
      {
        who: 'customer',
        after: 6,
        text: 'Everything running smoothly this week. Thanks for picking this up so quickly.',
      },
    ],
  },
  {
    subject: 'Warranty claim - cracked frame on my {bike}',
    role: 'workshop',
    steps: [
      {
        who: 'customer',
        text: "I bought my {bike} from you about fourteen months ago, and while cleaning it I found a crack at the weld where the chainstay meets the bottom bracket. Photo attached. I've stopped riding it.",
        file: 'photo',
      },
      {
        who: 'team',
        text: "Thanks for the photo, and you're right to stop riding it. That looks like a weld fault, which the frame warranty covers. Could you bring the bike in so we can measure it and send the manufacturer a report?",
      },
      {
        who: 'customer',
        text: "I dropped it off this morning. Your colleague said you'd be in touch. Is there a loan bike I could use meanwhile? I commute on it.",
      },
      {
        who: 'team',
        text: "Yes, there's a Kestrel hybrid you can borrow, ready from tomorrow. I've sent the claim with photos and the receipt to the manufacturer; they say up to ten working days to respond.",
      },
      { who: 'customer', after: 12, text: "Any news from the manufacturer? It's been about two weeks." },
      {
        who: 'team',
        text: "I chased them today. They've accepted it as a warranty fault and will send a replacement frame, but the one in your size is on back-order until {date+10}.",
      },
      { who: 'customer', text: "That's a long wait. Is there any alternative, like the next model up?" },
      {
        who: 'team',
        text: "I asked. They'll offer the newer frame at no extra cost, and it's in stock. The geometry is almost identical; the only difference is the cable routing. Shall I accept that?",
      },
      { who: 'customer', text: 'Yes please, go ahead with the newer frame.' },
      {
        who: 'team',
        after: 4,
        text: "The frame arrived today. We'll transfer all your parts across, and it will be ready on {day+2}. No charge for the labour.",
      },
      {
        who: 'customer',
        text: "Picked it up. It rides beautifully, and thanks for keeping me on the road with the loan bike. Is there anything I need to register for the new frame's warranty?",
      },
      {
        who: 'team',
        text: 'Nothing to do: we registered the new frame number with the manufacturer, and the warranty starts from today. Enjoy the ride!',
      },
    ],
  },
  {
    subject: 'Bikeability week - bike safety checks',
    role: 'accounts',
    org: 'hillside',
    steps: [
      {
        who: 'customer',
        text: "Hillside Primary is running Bikeability for Year 5 in a few weeks. The instructors need all the children's bikes checked beforehand. Could you help? I've copied in Tom Ashby, our PE lead.",
      },
      {
        who: 'team',
        text: "We'd love to help. We can bring the van and check the bikes at school. How many children are taking part, and which days would suit?",
      },
      {
        who: 'cc',
        text: 'There are 28 children, and some will be on borrowed bikes. A Tuesday or Wednesday afternoon would be best, after lunch.',
      },
      {
        who: 'team',
        text: "Perfect. We can do {day+8} from 1:00. A basic safety check is free for schools; anything that needs parts we'll list and price before doing it. I've attached a letter for parents.",
        file: 'quote',
      },
      {
        who: 'customer',
        text: "Thank you, that's very generous. We'll send the letter home on Friday. Do you need anything from us on the day?",
      },
      {
        who: 'team',
        text: "Just somewhere sheltered to work, like the covered play area, and the bikes labelled with each child's name.",
      },
      {
        who: 'cc',
        text: 'The covered area is fine. A few parents have asked whether they can bring bikes in advance. Can they drop them at your shop instead?',
      },
      {
        who: 'team',
        text: "Yes, of course. Ask them to mention Hillside when they drop off and we'll check them at no charge.",
      },
      {
        who: 'customer',
        after: 8,
        text: 'Thank you for today. The children loved watching the repairs. The instructors said the bikes were in far better shape than usual.',
      },
      {
        who: 'team',
        text: "It was a pleasure. We fixed 11 bikes on the spot; 4 need new tyres, and I've attached the list with prices for the parents.",
        file: 'csv',
      },
      {
        who: 'customer',
        text: 'Could you invoice the school for the tyres? We have a small budget for families who might struggle.',
      },
      {
        who: 'team',
        text: "Of course. Invoice attached, addressed to the school. We've taken 20% off the tyres.",
        file: 'invoice',
      },
    ],
  },
  {
    subject: 'Custom touring build',
    role: 'workshop',
    steps: [
      {
        who: 'customer',
        text: "I'm planning a long tour next summer and would like you to build up a touring bike around a steel frame. I'd like dynamo lighting, a 48-spoke rear wheel and wide-range gearing.",
      },
      {
        who: 'team',
        text: "That sounds like a great project. Could you come in for a fitting first, so we can size the frame properly? Then I'll put a parts list and quote together.",
      },
      { who: 'customer', text: 'Fitting done on Saturday, thanks. Looking forward to the quote.' },
      {
        who: 'team',
        text: 'Quote attached. It comes to {bigPrice} including the build. The dynamo hub is on a six-week lead time; everything else is in stock or available next week.',
        file: 'quote',
      },
      { who: 'customer', text: "Let's go ahead. Can I pay a deposit now and the rest on collection?" },
      {
        who: 'team',
        text: "Yes, a 30% deposit is fine. I've attached the invoice for it. The parts are ordered.",
        file: 'invoice',
      },
      { who: 'customer', after: 10, text: 'Paid the deposit this morning. Any update on the hub?' },
      {
        who: 'team',
        text: "The supplier has pushed the hub back two more weeks. I'm sorry. I can build everything else now so it's only the front wheel left to finish.",
      },
      { who: 'customer', text: "That's a shame, but go ahead with the rest." },
      {
        who: 'team',
        after: 6,
        text: 'Good news: the hub has arrived early. The wheel is built and the bike will be ready on {day+3}.',
      },
      { who: 'customer', text: 'Wonderful! Could you fit a bottle cage under the down tube as well?' },
      { who: 'team', text: "Done. The bike is ready; we'll go through the set-up with you when you collect." },
      { who: 'customer', text: "Collected. It's beautiful, thank you. I'll send a postcard from the road." },
    ],
  },
  {
    subject: 'E-cargo bike trial for council staff',
    role: 'owner',
    org: 'council',
    steps: [
      {
        who: 'customer',
        text: "Portside City Council is setting up a three-month trial of e-cargo bikes for staff travelling between council sites. We're looking for a local partner to supply and maintain four bikes. Gareth in procurement is copied in.",
      },
      {
        who: 'team',
        text: 'Thanks for thinking of us. We can supply and maintain four Otter cargo e-bikes for the trial. Would you want to lease them or buy them outright?',
      },
      {
        who: 'cc',
        text: 'For a trial, leasing is simpler for us. Please quote a three-month lease including maintenance. We will need your public liability certificate and a completed supplier form.',
      },
      {
        who: 'team',
        text: "Quote attached, together with our insurance certificate. I'll complete the supplier form today.",
        file: 'quote',
      },
      {
        who: 'cc',
        text: 'Thank you. The supplier form is missing your bank details on page 2. Could you complete that section?',
      },
      { who: 'team', text: 'Apologies, corrected form attached.', file: 'claimForm' },
      {
        who: 'customer',
        text: "We're approved to proceed. Could you deliver the bikes to the Civic Offices on {day+6}? We'd also like a short induction for the six staff who will use them.",
      },
      {
        who: 'team',
        text: 'Confirmed for {day+6} at 10:00. The induction takes about 45 minutes and covers charging, locking and basic checks.',
      },
      {
        who: 'customer',
        after: 6,
        text: "The induction went really well. One bike's display is stuck on kilometres; could someone show us how to change it?",
      },
      {
        who: 'team',
        text: "Hold the mode and light buttons together for five seconds, and the units option appears. I've attached a one-page guide.",
        file: 'fitNotes',
      },
      { who: 'cc', text: "Please send the first month's invoice quoting our purchase order {po}." },
      { who: 'team', text: 'Invoice attached, quoting {po}.', file: 'invoice' },
      {
        who: 'customer',
        after: 9,
        text: 'Halfway through the trial and the feedback is very positive. We may want to extend it to eight bikes. Could we meet to discuss?',
      },
    ],
  },
  {
    subject: 'Guest bikes for the summer season',
    role: 'shop',
    org: 'quayside',
    steps: [
      {
        who: 'customer',
        text: "The Quayside Hotel would like to offer bikes to guests this summer. We're thinking of eight hybrids with baskets and locks. I've copied Patrick, who looks after maintenance.",
      },
      {
        who: 'team',
        text: "What a nice idea. Eight Kestrel hybrids with baskets, locks and lights would come to {bigPrice}, with a free first service. I've attached a quote.",
        file: 'quote',
      },
      {
        who: 'cc',
        text: 'Could you include a basic repair kit for us, and show me how to fix a puncture? Most issues will be flats.',
      },
      {
        who: 'team',
        text: "Happy to. A repair kit, track pump and spare tubes are now on the quote at no extra charge, and we'll run a half-hour session when we deliver.",
      },
      {
        who: 'customer',
        text: 'Wonderful. Please go ahead. Could the bikes be delivered before the bank holiday weekend?',
      },
      {
        who: 'team',
        text: "Yes, we'll deliver on {day+4} in the morning. The invoice is attached; payment on delivery is fine.",
        file: 'invoice',
      },
      {
        who: 'cc',
        after: 4,
        text: 'Bikes delivered and the guests are already using them. Thanks for the puncture lesson!',
      },
      {
        who: 'customer',
        after: 7,
        text: "A guest has reported that one bike's gears are hard to change. Could someone look at it?",
      },
      {
        who: 'team',
        text: "It's probably a cable that has stretched, which is normal after the first few weeks. We'll pop over tomorrow and adjust all eight while we're there.",
      },
      { who: 'customer', text: "Thank you, that's excellent service." },
    ],
  },
];
