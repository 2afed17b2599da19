/**
 * Demo chat and forum content, written for Hearth. Everything is invented; nothing is graphic, and difficult
 * subjects are named gently, without detail, and carry a content note.
 */

export type ChatLine = { who: string; body: string; minutesAgo: number };

/** Group chat history, keyed by demo group. */
export const GROUP_CHATS: Record<string, ChatLine[]> = {
  anxiety: [
    { who: 'facilitator', minutesAgo: 60 * 50, body: 'Good evening, everyone. The session link opens at 6:45 tonight. Come as you are; tea in hand is encouraged.' },
    { who: 'ben', minutesAgo: 60 * 49, body: 'Thanks Tomás. Rough day at work, so I might mostly listen tonight.' },
    { who: 'peer', minutesAgo: 60 * 49 - 10, body: 'Listening is a perfectly good way to be here, Ben. Glad you are coming.' },
    { who: 'mei', minutesAgo: 60 * 26, body: 'Small win: I used the 4-7-8 breathing we practised before a dentist appointment and it actually helped.' },
    { who: 'dani', minutesAgo: 60 * 25, body: 'That is brilliant, Mei. Dentists are my personal final boss.' },
    { who: 'member', minutesAgo: 60 * 5, body: 'Does anyone have a favourite app or playlist for winding down? My brain gets loud around 11pm.' },
    { who: 'theo', minutesAgo: 60 * 4, body: 'I listen to rain sounds and put my phone across the room. Not perfect, but it helps me stop scrolling.' },
    { who: 'peer', minutesAgo: 60 * 3, body: 'Robin, we are doing a sleep session with Dr. Lena next week. Might be just the thing.' },
    { who: 'member', minutesAgo: 60 * 2, body: 'Oh, I saw that! Going to RSVP now. Thank you all.' },
  ],
  circulo: [
    { who: 'lucia', minutesAgo: 60 * 72, body: '¡Buenos días a todos! El sábado tenemos café y pan dulce en el centro. Si vienen por video, el enlace se abre a las 9:45.' },
    { who: 'sofia', minutesAgo: 60 * 70, body: 'Gracias, Lucía. Esta semana fue difícil con el trabajo y los niños, pero aquí estaré.' },
    { who: 'pablo', minutesAgo: 60 * 69, body: 'Ánimo, Sofía. Un paso a la vez. Nos vemos el sábado.' },
    { who: 'member', minutesAgo: 60 * 30, body: 'Hola a todos. Mi español no es perfecto, pero me gusta mucho este grupo. ¡Gracias por la paciencia!' },
    { who: 'noor', minutesAgo: 60 * 29, body: '¡Tu español está muy bien, Robin! Aquí todos aprendemos juntos.' },
    { who: 'lucia', minutesAgo: 60 * 8, body: 'Recuerden: si alguien necesita hablar antes del sábado, pueden escribirle a un compañero de apoyo desde la app.' },
  ],
  caregivers: [
    { who: 'facilitator', minutesAgo: 60 * 96, body: 'Hello carers! Next coffee hour is the first Wednesday, 12:30 London time. Bring your lunch and your questions.' },
    { who: 'grace', minutesAgo: 60 * 95, body: 'Mum had a good week, which means I had a good week. Taking it while it lasts!' },
    { who: 'kai', minutesAgo: 60 * 94, body: 'Love that, Grace. Did you manage to get to choir in the end?' },
    { who: 'grace', minutesAgo: 60 * 93, body: 'I did! First time in two months. I sang terribly and it was wonderful.' },
    { who: 'ben', minutesAgo: 60 * 20, body: 'Question for the group: how do you handle the guilt of taking a day off? I booked respite care for Friday and I feel awful about it.' },
    { who: 'peer', minutesAgo: 60 * 19, body: 'Ben, resting is part of caring. You cannot pour from an empty cup, as my gran used to say. I hope Friday is restful.' },
  ],
};

export type ForumPostSeed = { who: string; body: string; contentNote?: string; hoursAgo: number; reactions?: Partial<Record<'hug' | 'thank_you' | 'me_too', string[]>> };
export type ForumThreadSeed = { board: string; title: string; posts: ForumPostSeed[] };

/** Public boards, created by the moderator. */
export const PUBLIC_BOARDS = [
  { key: 'welcome', slug: 'welcome', name: 'Welcome & introductions', description: 'New here? Say hello, share as much or as little as you like, and meet the community.' },
  { key: 'wins', slug: 'everyday-wins', name: 'Everyday wins', description: 'Got out of bed, made the call, drank some water? Every step counts here. Share yours.' },
  {
    key: 'hard-days',
    slug: 'hard-days',
    name: 'Hard days',
    description: 'A place to say it is a hard day and be met with kindness. If you might be in danger right now, please use the crisis line button at the top of every page.',
  },
  { key: 'tools', slug: 'tools-that-help', name: 'Tools that help', description: 'Grounding exercises, routines, books and apps that have helped people here. Nothing replaces care from a professional.' },
  { key: 'es', slug: 'en-espanol', name: 'En español', description: 'Conversaciones en español: presentaciones, preguntas y ánimo para la semana.' },
];

export const FORUM_THREADS: ForumThreadSeed[] = [
  {
    board: 'welcome',
    title: 'Hello from a nervous first-timer',
    posts: [
      { who: 'member', hoursAgo: 24 * 12, body: 'Hi everyone. I am Robin (they/them). I found Hearth after a long winter of feeling flat and on edge at the same time. I am not sure what I am looking for yet, maybe just to not feel like the only one. Thanks for having me.', reactions: { hug: ['peer', 'ben', 'mei'], me_too: ['dani'] } },
      { who: 'peer', hoursAgo: 24 * 12 - 2, body: 'Welcome, Robin! "Flat and on edge at the same time" is such a clear way to put it, and you are definitely not the only one. The Evening Anxiety Circle on Tuesdays is a gentle place to start if you fancy it. No pressure at all.', reactions: { thank_you: ['member'] } },
      { who: 'moderator', hoursAgo: 24 * 12 - 5, body: 'Hi Robin, glad you are here. A quick tip for everyone new: posts about heavy topics can carry a content note, so others can choose when to read them. Take your time finding your feet.', reactions: { thank_you: ['member', 'theo'] } },
      { who: 'dani', hoursAgo: 24 * 11, body: 'Hey Robin, I joined a couple of months ago feeling exactly like that. It gets easier to show up. Welcome!' },
    ],
  },
  {
    board: 'wins',
    title: 'I finally made the phone call I had been avoiding for weeks',
    posts: [
      { who: 'theo', hoursAgo: 24 * 3, body: 'It was just a call to book a doctor\'s appointment, but I had been putting it off for about six weeks. Today I wrote down what I wanted to say, took three slow breaths and did it. It took four minutes. I am weirdly proud.', reactions: { hug: ['peer'], thank_you: ['mei'], me_too: ['member', 'ben', 'dani', 'grace'] } },
      { who: 'mei', hoursAgo: 24 * 3 - 1, body: 'Not weird at all! Phone calls are genuinely hard. Writing it down first is such a good trick, I am stealing it.' },
      { who: 'facilitator', hoursAgo: 24 * 2, body: 'Six weeks of dread, four minutes of doing. That is a big win, Theo. Well done for being kind to yourself about it too.', reactions: { thank_you: ['theo'] } },
    ],
  },
  {
    board: 'wins',
    title: 'Went to choir for the first time in two months',
    posts: [
      { who: 'grace', hoursAgo: 30, body: 'Caring for my mum has swallowed most of my evenings lately, but my neighbour sat with her on Thursday so I could go to choir. I forgot how good it feels to be just me for an hour.', reactions: { hug: ['kai', 'ben'], me_too: ['ben'] } },
      { who: 'kai', hoursAgo: 28, body: 'This made my day, Grace. Here is to more hours that are just yours.' },
    ],
  },
  {
    board: 'hard-days',
    title: 'The anniversary is coming up and I feel it already',
    posts: [
      { who: 'ifeoma', hoursAgo: 24 * 6, contentNote: 'grief', body: 'My brother died three years ago next week. Most days I am okay now, but the week before always sneaks up on me. I am tired, snappy, and I keep finding his handwriting in old books. I do not really need advice, I just wanted to say it out loud somewhere.', reactions: { hug: ['amara', 'grace', 'peer', 'member'], me_too: ['theo'] } },
      { who: 'amara', hoursAgo: 24 * 6 - 3, contentNote: 'grief', body: 'Thank you for saying it here, Ifeoma. The body often remembers before the calendar does. Finding his handwriting sounds both painful and precious. If you would like, bring one of those books to our Thursday gathering. We would be honoured to hear about him.', reactions: { thank_you: ['ifeoma'] } },
      { who: 'theo', hoursAgo: 24 * 5, body: 'Sending you a lot of warmth this week. Being tired and snappy makes complete sense.' },
    ],
  },
  {
    board: 'hard-days',
    title: 'Old thoughts came back this week, and I reached out',
    posts: [
      {
        who: 'dani',
        hoursAgo: 40,
        contentNote: 'mentions self-harm',
        body: 'Some urges I had not felt in a long time came back this week. I did not act on them. I used my safety plan, texted my sister and called the number on my plan, and I am okay tonight. I feel a bit ashamed that they came back at all, but I also want to remember that I knew what to do.',
        reactions: { hug: ['peer', 'noor', 'member'], thank_you: ['clinician'] },
      },
      {
        who: 'peer',
        hoursAgo: 39,
        contentNote: 'mentions self-harm',
        body: 'Dani, thank you for trusting us with this. Urges coming back is not a failure; using your plan and reaching out is exactly the strength you built. I am really glad you are okay tonight. I am around tomorrow afternoon if you want to talk one-to-one.',
        reactions: { thank_you: ['dani'] },
      },
      {
        who: 'clinician',
        hoursAgo: 37,
        body: 'What you did is what a safety plan is for, and you did it well. Setbacks are a normal part of recovery, not a sign that it is not working. If the urges get stronger, please use the crisis line button at the top of the page or talk to your care team. You deserve that support.',
        reactions: { thank_you: ['dani', 'noor'] },
      },
      { who: 'dani', hoursAgo: 20, body: 'Thank you, all of you. Slept properly last night. June, I would like that chat.', reactions: { hug: ['peer', 'member'] } },
    ],
  },
  {
    board: 'tools',
    title: 'What is in your grounding toolkit?',
    posts: [
      { who: 'peer', hoursAgo: 24 * 9, body: 'Let us build a list! Mine: the 5-4-3-2-1 senses exercise, holding something cold, and naming the colours in the room out loud. What helps you come back to the present?', reactions: { thank_you: ['mei', 'member'] } },
      { who: 'mei', hoursAgo: 24 * 9 - 4, body: 'A smooth stone in my coat pocket. I rub my thumb over it on the bus.', reactions: { me_too: ['ben', 'member'] } },
      { who: 'ben', hoursAgo: 24 * 8, body: 'Counting things of one colour when I am out walking. Red cars, red doors. Sounds silly, works for me.' },
      { who: 'noor', hoursAgo: 24 * 7, body: 'Slow exhale, longer than the inhale. In for four, out for six. I do it at traffic lights.' },
      { who: 'clinician', hoursAgo: 24 * 6, body: 'These are all lovely. A gentle reminder that grounding tools work best when practised on calmer days too, so they are familiar when things get harder.', reactions: { thank_you: ['peer', 'member', 'mei'] } },
    ],
  },
  {
    board: 'es',
    title: '¿Cómo cuidan su descanso cuando hay mucho estrés?',
    posts: [
      { who: 'sofia', hoursAgo: 24 * 4, body: 'Últimamente me cuesta dormir por las preocupaciones del trabajo. ¿Qué les ayuda a ustedes a descansar?', reactions: { me_too: ['pablo', 'member'] } },
      { who: 'pablo', hoursAgo: 24 * 4 - 2, body: 'A mí me ayuda dejar el teléfono en la cocina y leer un poco antes de dormir. No siempre funciona, pero casi siempre.' },
      { who: 'lucia', hoursAgo: 24 * 3, body: 'Qué buena pregunta, Sofía. El sábado podemos practicar juntos una respiración para la noche. Y recuerden que descansar también es cuidarse.', reactions: { thank_you: ['sofia', 'pablo'] } },
    ],
  },
];

/** A thread on a group's private board, seen only by the group's members. */
export const GROUP_BOARD_THREADS: { group: string; thread: Omit<ForumThreadSeed, 'board'> }[] = [
  {
    group: 'anxiety',
    thread: {
      title: 'Notes from Tuesday: the "worry window" idea',
      posts: [
        { who: 'facilitator', hoursAgo: 24 * 5, body: 'A few people asked for notes. The idea we tried: pick a 15-minute "worry window" each day. When a worry shows up outside it, jot it down and tell it "not now, at 6pm". Then, in the window, look at the list. Many worries shrink by then. Try it for a week and tell us how it goes.', reactions: { thank_you: ['member', 'ben', 'mei', 'theo'] } },
        { who: 'member', hoursAgo: 24 * 4, body: 'Day two: my list had nine things on it at 6pm and only two still felt big. Strange and good.', reactions: { hug: ['peer'], me_too: ['mei'] } },
      ],
    },
  },
];
