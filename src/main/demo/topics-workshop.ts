/**
 * Workshop topics for the demo mailbox: repairs, warranty claims, e-bikes, comebacks after a
 * service and bike fits. See topic.ts for the slot syntax.
 */
import type { Topic } from './topic';

/** Topics usually answered by the workshop (Ben). */
export const WORKSHOP_TOPICS: readonly Topic[] = [
  {
    key: 'repair',
    role: 'workshop',
    audience: 'any',
    cases: [
      {
        subjects: ['Repair status - {job}', 'Is my bike ready?', 'Repair {job}'],
        opening: 'I dropped my {bike} in on Monday for a gear service (job {job}). Any idea when it will be ready?',
        details: [
          'I use it to commute every day, so sooner is better.',
          "I'm away from {day+5} for a week, if that makes any difference.",
        ],
        asks: ['Could you let me know?', 'Will it be done this week?'],
        replies: [
          "Your {bike} is on the stand now. The chain and cassette are worn past the point of adjusting, so I'd recommend replacing both ({price} fitted). Shall I go ahead? Without that it will be ready this afternoon.",
          "It's done: we replaced the gear cables and adjusted everything, and it's ready to collect. The total is {price}.",
        ],
        followups: [
          [
            'Yes please, go ahead with the chain and cassette.',
            "Done. It's ready to collect from four o'clock today. We're open until 5:30.",
          ],
          ['Great. Can my partner collect it?', 'Of course, they just need the job number.'],
        ],
      },
      {
        subjects: ['Grinding noise from the back wheel', 'Gears jumping on my {bike}'],
        opening:
          'My {bike} has started making a grinding noise from the back wheel, and the gears jump when I push hard on the pedals.',
        details: ['It was last serviced about eighteen months ago.', 'It gets ridden in all weathers.'],
        asks: ['Can you fit it in this week?', 'When could I bring it in?'],
        replies: [
          "From what you describe, it sounds like a worn chain or a bent gear hanger. Bring it in any morning and we'll look while you wait; the check is free.",
        ],
        followups: [
          [
            'Thanks. Can I drop it off before work, around 8?',
            'We open at 8:30, but if you knock at 8 someone will be in the workshop.',
          ],
          [
            'Is it safe to ride in the meantime?',
            "It's fine for short trips, but avoid hard efforts until we've checked the hanger.",
          ],
        ],
      },
      {
        subjects: ['Buckled wheel', 'Quote for repair'],
        opening:
          'I had a crash on the seafront path and the front wheel of my {bike} is buckled. The rest of the bike seems OK.',
        details: ["I'm fine, just a bruised ego.", 'The tyre is still holding air.'],
        asks: ['Roughly what would it cost to fix?', 'Is it worth repairing?'],
        replies: [
          "The wheel can probably be trued rather than replaced, which is £25. If the rim is cracked, a new wheel would be about {price}. Drop it in and we'll tell you which.",
        ],
        followups: [
          [
            'OK. Is there any chance it could be done the same day?',
            "If it's with us by 9 we can usually do it the same day, unless parts need ordering.",
          ],
        ],
        customerFile: 'photo',
      },
      {
        subjects: ['Quote for a full service', 'Service price?'],
        opening:
          'Could you give me a rough quote for a full service on a {bike}? The brakes feel spongy and the chain is rusty.',
        details: ["It's been sitting in the shed all winter.", ''],
        asks: ['Roughly what would that cost?', 'How long would it take?'],
        replies: [
          'A full service is £85 plus any parts, and brake bleeds are included. We can take it in on {day+2} and have it back to you the next day.',
          "I've attached a quote for a full service with new brake pads and a chain. We can take it in on {day+2} and have it back to you the next day.",
        ],
        followups: [['That sounds fine. Can I book it in for {day+2}?', 'Booked in. Drop it off any time after 8:30.']],
        teamFile: 'quote',
      },
    ],
  },
  {
    key: 'warranty',
    role: 'workshop',
    audience: 'individual',
    cases: [
      {
        subjects: ['Warranty claim - cracked frame', 'Crack in my frame'],
        opening:
          "I bought my {bike} from you last spring and I've just noticed a hairline crack near the bottom bracket.",
        details: ["I haven't had any accidents with it.", "I've stopped riding it for now."],
        asks: ['Would this be covered by the warranty?', 'Could you take a look?'],
        replies: [
          'That could be a manufacturing fault. Please bring the bike in so we can inspect it and send photos to the manufacturer. Claims usually take two to three weeks, and we can lend you a bike in the meantime.',
        ],
        followups: [
          [
            "Great, I'll bring it on {day+1}. Will the loan bike have lights?",
            'Yes, the loan bikes all have lights and a lock.',
          ],
          ['Do you need the receipt as well?', 'A photo of it is fine, or we can look up the sale by your name.'],
        ],
        customerFile: 'photo',
      },
      {
        subjects: ['Faulty {part} after three weeks', 'Part failed after fitting'],
        opening: 'The {part} you fitted three weeks ago has failed. It has stopped working completely.',
        details: ['I was careful with it.', ''],
        asks: ["What's the process for getting it replaced?", 'Is this covered?'],
        replies: [
          "Parts we fit are guaranteed for a year, so we'll replace it free of charge. Drop the bike in when convenient; it's a fifteen-minute job.",
        ],
        followups: [['Thanks. Can I bring it on Saturday?', "Saturday is fine. We'll do it while you wait."]],
      },
      {
        subjects: ['Warranty on my {bike}', 'Rear hub has play'],
        opening: 'My {bike} is just under two years old and the rear hub has developed a lot of play.',
        details: ["I've got the original receipt.", ''],
        asks: ['Would this be covered?', 'Could you take a look?'],
        replies: [
          "Hubs are covered for two years, so you're in time. I've attached the claim form: fill in the top half and bring it with the bike.",
        ],
        followups: [
          [
            'Any news from the manufacturer?',
            "Good news: they've approved the claim and a replacement hub is on its way to us. I'll email when the wheel is rebuilt.",
          ],
        ],
        teamFile: 'claimForm',
      },
    ],
  },
  {
    key: 'ebike',
    role: 'workshop',
    audience: 'any',
    cases: [
      {
        subjects: ['E-bike battery not charging', 'Battery stuck at 60%'],
        opening:
          "The battery on my {ebike} won't charge past 60% any more. The charger light goes green straight away.",
        details: ['The bike is about two years old.', "I've tried a different socket and the same thing happens."],
        asks: ['Is it the battery or the charger?', 'Can you run a diagnostic?'],
        replies: [
          'We can plug it into the diagnostic tool, which reads the battery health and the charge history. It takes about half an hour and costs £30, deducted from any repair.',
        ],
        followups: [
          [
            "Could you check the charger too while it's there?",
            "Of course. Bring everything and we'll test it together.",
          ],
          [
            'Thanks. Can I leave it with you on {day+1}?',
            "Yes, that's fine. We'll have the report for you by the end of the day.",
          ],
        ],
      },
      {
        subjects: ['E-bike error code', '{ebike} display shows E21'],
        opening: 'The display on my {ebike} shows error E21 when I switch it on, and there is no assistance at all.',
        details: ['It started after I washed the bike.', ''],
        asks: ['Any idea what it means?', 'Can you fix it?'],
        replies: [
          "E21 is usually a speed sensor fault, often just the magnet on the spoke knocked out of line. Bring it in and we'll check it on the spot.",
        ],
        followups: [['Is it safe to ride in the meantime?', "Yes, it just won't give you any assistance."]],
      },
      {
        subjects: ['Battery range dropped', 'Motor cutting out'],
        opening:
          'My range has dropped from about 50 miles to 20 over the winter, and the motor sometimes cuts out on hills.',
        details: ['I charge it in the garage, which gets pretty cold.', ''],
        asks: ['Is it worth repairing?', 'Do I need a new battery?'],
        replies: [
          "Cold storage does take a toll on range. Bring the battery and charger in and we'll test both; a replacement battery is around {bigPrice}, so it's worth knowing first.",
        ],
        followups: [
          [
            "That's a lot. Is there anything I can do to help the old one?",
            'Store it indoors, and keep it between 30% and 80% when you are not using it for a while.',
          ],
        ],
      },
    ],
  },
  {
    key: 'comeback',
    role: 'workshop',
    audience: 'any',
    cases: [
      {
        subjects: ['Gears slipping again', 'Problem again after service'],
        opening: 'You serviced my {bike} a couple of weeks ago (job {job}) and the gears have started slipping again.',
        details: [
          "I don't want to be difficult, but I did pay for the service.",
          'It was fine for the first few days.',
        ],
        asks: ['Could you take another look?', 'Can I bring it back in?'],
        replies: [
          "I'm sorry, that shouldn't happen. New cables stretch a little in the first few weeks and the gears sometimes need a quarter turn. Bring it in whenever suits and we'll sort it straight away, no charge.",
        ],
        followups: [["Thanks, I'll pop in on {day+1} morning.", 'See you then. Ask for Ben.']],
      },
      {
        subjects: ['Brakes still squeaking after repair', 'Re-visit: {job}'],
        opening: 'I picked the bike up on Friday after the brake work, and the brakes are squeaking worse than before.',
        details: ['It is quite embarrassing at the traffic lights.', ''],
        asks: ['Is that normal after new pads?', 'Could you take another look?'],
        replies: [
          'New pads can squeal until they bed in, but not worse than before. Please bring it back and Ben will look at it himself; any work is free.',
        ],
        followups: [
          [
            "That's really good of you. Can it be done while I wait?",
            'Yes. Come at opening time and it will be done in twenty minutes.',
          ],
        ],
      },
    ],
  },
  {
    key: 'fitting',
    role: 'workshop',
    audience: 'any',
    cases: [
      {
        subjects: ['Bike fit appointment', 'Bike fit - knee pain'],
        opening: "I'd like to book a bike fit. I've had some knee pain on longer rides since I got my {bike}.",
        details: ['My physio suggested it.', "My shoes have cleats; I'm not sure they're set up right."],
        asks: ['What times do you have?', 'How long does it take and what does it cost?'],
        replies: [
          'A full fit takes about ninety minutes and costs £120, including cleat setup. I can offer {day+3} at {time} or the following morning.',
          "We'd be glad to help. Bring your bike, shoes and the kit you ride in. Our next free slots are {day+4} at {time} and {day+6} at 10:00.",
        ],
        followups: [
          ['The first slot is perfect, please book me in.', 'Booked. See you then!'],
          ['Do I need to bring my own turbo trainer?', 'No, we have a fitting jig and a trainer here.'],
        ],
      },
      {
        subjects: ['Booking a bike fit', 'Fit for a charity ride'],
        opening: "Could I book a fitting for my new {bike}? I'm doing a 100km charity ride in a month.",
        details: ["I'd prefer a Saturday if possible.", ''],
        asks: ['Can you fit me in?'],
        replies: [
          "Yes, I've pencilled you in for {day+5} at {time}. It's ninety minutes, £120, and we send a written summary of the measurements afterwards.",
        ],
        followups: [
          [
            'Thanks! Could you send the summary by email?',
            "I've attached the notes from today's fit. Shout if anything feels wrong after a few rides.",
          ],
        ],
        teamFile: 'fitNotes',
      },
    ],
  },
];
