import { SOURCES, type BuiltInCourse } from './types.ts';

type Question = NonNullable<NonNullable<BuiltInCourse['lessons'][number]['content']['quiz']>['questions']>[number];

/** A quiz lesson with the usual pass mark. */
function quiz(title: string, questions: Question[], passPercent = 67): BuiltInCourse['lessons'][number] {
  return { kind: 'quiz', title, content: { quiz: { passPercent, questions } } };
}

/** Modules 7–10: cultural humility, trauma-informed language, facilitating a group, co-occurring substance use. */
export const COMMUNITY: BuiltInCourse[] = [
  {
    key: 'cultural-humility',
    kind: 'core',
    title: '7. Cultural humility and inclusive language',
    summary: 'Approaching every person as the expert on their own identity and culture, and using language that includes.',
    ceMinutes: 60,
    sources: [SOURCES.culturalHumility, SOURCES.samhsa],
    lessons: [
      {
        kind: 'text',
        title: 'Curiosity over assumptions',
        content: {
          markdown: `## Curiosity over assumptions

Cultural humility is a lifelong practice rather than a body of knowledge you master. It asks three things of us:

1. **Self-reflection.** Notice your own background, assumptions and blind spots, and how they shape what you hear.
2. **Learning from the person.** Each person is the expert on their own culture, identity, faith and family. Ask,
   rather than assume: *"What does family look like for you?"*
3. **Noticing power.** Some people have been let down or harmed by services because of who they are. Their caution
   makes sense. Earn trust slowly.

### Inclusive language

- Use the **name and pronouns** a person gives. If you get it wrong, apologise briefly, correct yourself, and go on.
- Put the **person first** unless they prefer otherwise: "a person living with depression". Many people prefer
  identity-first language (for example some autistic and Deaf people). Follow their lead.
- Avoid slang that turns conditions into insults ("that's so OCD", "crazy", "psycho").
- Do not assume gender of partners, family structure, faith, or where someone is "really from".
- Offer groups and resources in the person's **language** where you can; Hearth groups can be in any language.

### When you get it wrong

You will, sometimes. What matters is the repair: listen, thank the person for telling you, apologise without making it
about your guilt, and do better.`,
        },
      },
      quiz('Cultural humility quiz', [
        {
          id: 'q1',
          kind: 'multiple_choice',
          prompt: 'Cultural humility is best described as…',
          options: [
            { id: 'a', text: 'Memorising facts about different cultures' },
            { id: 'b', text: 'A lifelong practice of self-reflection and learning from each person' },
            { id: 'c', text: 'Treating everyone exactly the same' },
          ],
          correctOptionId: 'b',
          explanation: 'The person is the expert on their identity; we stay curious and aware of our own assumptions.',
        },
        {
          id: 'q2',
          kind: 'scenario',
          scenario: 'You used the wrong pronoun for a group member, and they corrected you.',
          prompt: 'What do you do?',
          options: [
            { id: 'a', text: 'Apologise at length and explain why it was an easy mistake' },
            { id: 'b', text: 'Thank them, correct yourself briefly, and carry on' },
            { id: 'c', text: 'Avoid using any pronouns for them from now on' },
          ],
          correctOptionId: 'b',
          explanation: 'A short, sincere repair keeps the focus on them, not on your discomfort.',
        },
        {
          id: 'q3',
          kind: 'multiple_choice',
          prompt: 'Which phrase is inclusive?',
          options: [
            { id: 'a', text: 'What does family look like for you?' },
            { id: 'b', text: 'Does your husband know?' },
            { id: 'c', text: 'Where are you really from?' },
          ],
          correctOptionId: 'a',
          explanation: 'An open question makes no assumptions about partners, family or origin.',
        },
      ]),
    ],
  },
  {
    key: 'trauma-informed-language',
    kind: 'core',
    title: '8. Trauma-informed language',
    summary: 'Safety, trustworthiness, choice, collaboration and empowerment in the words we use.',
    ceMinutes: 60,
    sources: [SOURCES.samhsaTic, SOURCES.ips],
    lessons: [
      {
        kind: 'text',
        title: 'Words that offer safety and choice',
        content: {
          markdown: `## Words that offer safety and choice

Many people who reach out for support have lived through trauma. A trauma-informed approach, as SAMHSA describes it,
*realises* how common trauma is, *recognises* its signs, *responds* by building that knowledge into practice, and
*resists re-traumatising* people. Its principles include safety, trustworthiness and transparency, peer support,
collaboration, empowerment and choice, and attention to cultural, historical and gender issues.

### In practice

- **Ask "what happened to you?", not "what's wrong with you?"** Reactions that seem puzzling often made sense as ways
  to survive.
- **Offer choice.** *"Would you like to talk about that, or about something else today?"* Never push for details of a
  traumatic event. The person decides how much to share.
- **Be transparent.** Say what you are doing and why: *"I'm asking because I want to understand what would help."*
- **Avoid blaming words.** Not "she let it happen" or "he's attention-seeking", but "she was hurt" or "he is asking
  for connection".
- **Notice overwhelm.** If someone seems flooded, slow down, name what you notice gently, and offer a pause or a
  grounding moment: *"Would it help to take a breath together, or to notice a few things you can see around you?"*
- **Language of strength.** Survival took strength. Reflect it: *"You found a way through that."*

Trauma can affect anyone, including you. If a conversation stirs up your own history, that is a signal to take care of
yourself and bring it to supervision.`,
        },
      },
      quiz('Trauma-informed language quiz', [
        {
          id: 'q1',
          kind: 'multiple_choice',
          prompt: 'Which question is trauma-informed?',
          options: [
            { id: 'a', text: 'What’s wrong with you?' },
            { id: 'b', text: 'Would you like to talk about that, or something else today?' },
            { id: 'c', text: 'Tell me exactly what happened, step by step.' },
          ],
          correctOptionId: 'b',
          explanation: 'It offers choice and never pushes for details.',
        },
        {
          id: 'q2',
          kind: 'scenario',
          scenario: 'While talking, a member suddenly goes quiet and writes "sorry, my head is all over the place".',
          prompt: 'What helps most?',
          options: [
            { id: 'a', text: 'Slow down, gently name it, and offer a pause or grounding moment' },
            { id: 'b', text: 'Ask them to keep going so they get it all out' },
            { id: 'c', text: 'Change the subject without saying anything' },
          ],
          correctOptionId: 'a',
          explanation: 'Noticing overwhelm and offering choice restores a sense of safety and control.',
        },
        {
          id: 'q3',
          kind: 'multiple_choice',
          prompt: 'Which is a principle of a trauma-informed approach?',
          options: [
            { id: 'a', text: 'Empowerment, voice and choice' },
            { id: 'b', text: 'Getting the full story quickly' },
            { id: 'c', text: 'Keeping your reasons to yourself' },
          ],
          correctOptionId: 'a',
          explanation: 'Safety, trustworthiness and transparency, peer support, collaboration, and empowerment and choice.',
        },
      ]),
    ],
  },
  {
    key: 'facilitating-groups',
    kind: 'facilitation',
    title: '9. Facilitating a group',
    summary: 'Group agreements, group dynamics, handling conflict and ending well, with a co-facilitator beside you.',
    ceMinutes: 120,
    sources: [SOURCES.nami, SOURCES.samhsa, SOURCES.ips],
    lessons: [
      {
        kind: 'text',
        title: 'Holding the space',
        content: {
          markdown: `## Holding the space

A facilitator does not teach or fix. You hold a space where people can speak, be heard and hear each other. Many
well-established peer groups are run by **two trained facilitators**, so one can follow the group while the other
notices who is quiet or struggling, and so nobody carries a hard moment alone. Hearth supports co-facilitators.

### Agreements

Agree together, at the start and whenever someone new joins:

- What is shared here stays here.
- One person speaks at a time; everyone may pass.
- Speak from your own experience ("I"), and listen without fixing.
- No methods or graphic details of self-harm or suicide.
- Respect differences; no one is judged for their feelings, identity or beliefs.

Hearth shows a group's agreements when people join, and they accept them.

### Group dynamics

Notice who talks a lot and who does not. Invite without pressing: *"I'd like to make room for anyone who hasn't had a
chance yet."* Link experiences: *"A few of you have mentioned evenings being hard."* Keep the group on its purpose.

### Handling conflict

Name it calmly, come back to the agreements, and speak to each person's underlying need. *"I can hear strong
feelings on both sides. Let's remember we speak from our own experience."* If someone is harmful or in crisis, your
co-facilitator can take them aside (a one-to-one chat) while you hold the group, and you follow the escalation protocol.

### Ending well

Give a few minutes' notice before the end. Invite a closing round (one word, or one thing to take away). Remind
people of support between sessions, including **Get help now**. When a group itself ends, mark it: look back together,
and help people find where to go next.`,
        },
      },
      quiz('Facilitation quiz', [
        {
          id: 'q1',
          kind: 'multiple_choice',
          prompt: 'Why do many peer groups have two trained facilitators?',
          options: [
            { id: 'a', text: 'So one can follow the conversation while the other notices who is struggling, and nobody holds a hard moment alone' },
            { id: 'b', text: 'So they can take turns talking about themselves' },
            { id: 'c', text: 'It is only needed for big groups' },
          ],
          correctOptionId: 'a',
          explanation: 'Co-facilitation shares attention and makes it possible to support one person without leaving the group.',
        },
        {
          id: 'q2',
          kind: 'scenario',
          scenario: 'Two members start arguing about whose situation is worse.',
          prompt: 'What do you do?',
          options: [
            { id: 'a', text: 'Decide who is right' },
            { id: 'b', text: 'Name the strong feelings calmly and return to the agreement to speak from your own experience' },
            { id: 'c', text: 'End the session early' },
          ],
          correctOptionId: 'b',
          explanation: 'Naming it and returning to the agreements keeps the space safe for everyone.',
        },
        {
          id: 'q3',
          kind: 'multiple_choice',
          prompt: 'A good way to end a session is…',
          options: [
            { id: 'a', text: 'Stop exactly on time, mid-sentence' },
            { id: 'b', text: 'Give notice, invite a short closing round, and remind people of support between sessions' },
          ],
          correctOptionId: 'b',
          explanation: 'Ending well helps people leave feeling held, and knowing where help is.',
        },
      ]),
      {
        kind: 'roleplay',
        title: 'Practice: a member who is struggling in the group',
        content: {
          roleplay: {
            persona: 'Riley, a group member who has just spoken for the first time',
            setting: 'You are facilitating an online group. Respond to Riley in front of the group.',
            startNodeId: 'open',
            nodes: [
              { id: 'open', says: "I don't usually say anything. I just... everyone here seems to be getting better and I'm not.", next: { listened: 'deeper', missed: 'guarded' } },
              { id: 'guarded', says: "Never mind. Someone else can go.", next: { listened: 'deeper', missed: 'guarded' } },
              { id: 'deeper', says: "It feels like I'm the only one still stuck. I almost didn't come tonight.", next: { listened: 'close', missed: 'close' } },
              { id: 'close', says: "Thanks. I'm glad I said something. It helps to know others have felt that too.", next: { listened: null, missed: null } },
            ],
          },
        },
      },
    ],
  },
  {
    key: 'co-occurring-substance-use',
    kind: 'core',
    title: '10. Co-occurring substance use basics',
    summary: 'Understanding how mental health and substance use meet, without judgment, and where to point people.',
    ceMinutes: 60,
    sources: [SOURCES.mi, SOURCES.harmReduction, SOURCES.samhsa],
    lessons: [
      {
        kind: 'text',
        title: 'Meeting people where they are',
        content: {
          markdown: `## Meeting people where they are

Mental health challenges and substance use often go together. People may use alcohol or drugs to cope with pain,
sleep, anxiety or memories, and use can in turn make mood and sleep worse. Neither is a moral failing.

### Your stance

- **No judgment, no labels.** Say "a person who uses drugs" or "someone in recovery", not "addict" or "clean/dirty".
- **Curiosity.** *"What does drinking do for you when things are hard?"* helps both of you understand its role.
- **Ambivalence is normal.** Many people both want to change and don't. Motivational interviewing teaches us to
  explore both sides rather than argue: *"Part of you wants to cut down, and part of you worries how you'd cope."*
- **Their pace, their goals.** Some want to stop; some want to use more safely. Harm reduction accepts any positive
  change. You support the person's own goals.

### Know your limits

You do not assess dependence, advise on medication, or manage withdrawal, which can be dangerous for some substances.
Encourage people to talk to a doctor or a substance use service, and share the organization's resource list.

### Safety

If someone has used substances and mentions thoughts of suicide, treat it as more urgent, not less: substances can
lower inhibition. Follow the escalation protocol from module 6. If someone may be physically unwell right now (very
drowsy, hard to wake, struggling to breathe), tell them to call their local emergency number, or call for them if you
are together in person.`,
        },
      },
      quiz('Substance use basics quiz', [
        {
          id: 'q1',
          kind: 'multiple_choice',
          prompt: 'Which language is non-judgmental?',
          options: [
            { id: 'a', text: 'He’s an addict' },
            { id: 'b', text: 'A person who uses drugs' },
            { id: 'c', text: 'She’s been clean for a month, unlike before when she was dirty' },
          ],
          correctOptionId: 'b',
          explanation: 'Person-first, neutral words reduce stigma; "clean/dirty" implies a moral judgment.',
        },
        {
          id: 'q2',
          kind: 'scenario',
          scenario: 'A member says: "I know I drink too much, but it’s the only thing that helps me sleep."',
          prompt: 'Which reply explores ambivalence?',
          options: [
            { id: 'a', text: 'You need to stop drinking right now.' },
            { id: 'b', text: 'It sounds like drinking helps you sleep, and part of you is worried about how much. What would you like to be different?' },
            { id: 'c', text: 'At least it helps you sleep.' },
          ],
          correctOptionId: 'b',
          explanation: 'Reflecting both sides, then an open question, lets the person explore change at their own pace.',
        },
        {
          id: 'q3',
          kind: 'multiple_choice',
          prompt: 'Someone who has been drinking mentions thoughts of suicide. This is…',
          options: [
            { id: 'a', text: 'Less urgent, because it is probably the alcohol talking' },
            { id: 'b', text: 'More urgent: follow the escalation protocol' },
          ],
          correctOptionId: 'b',
          explanation: 'Substances can lower inhibition, so take it seriously and bring in the on-call team.',
        },
      ]),
    ],
  },
];
