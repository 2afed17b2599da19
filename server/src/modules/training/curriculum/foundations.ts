import { SOURCES, type BuiltInCourse } from './types.ts';

/** Modules 1–3: what peer support is, active listening, empathy and validation. */
export const FOUNDATIONS: BuiltInCourse[] = [
  {
    key: 'what-peer-support-is',
    kind: 'core',
    title: '1. What peer support is and is not',
    summary: 'The heart of peer support: mutual, hopeful relationships built on lived experience, and where its edges are.',
    ceMinutes: 60,
    sources: [SOURCES.samhsa, SOURCES.mha, SOURCES.ips],
    lessons: [
      {
        kind: 'text',
        title: 'Walking alongside',
        content: {
          markdown: `## Walking alongside

Peer support is one person with lived experience of mental health challenges offering support to another, as an equal.
You are not there because you have the answers. You are there because you know, from the inside, that things can
shift, and you are willing to keep someone company while they find their own way.

Frameworks written by peer workers describe the same few ideas in different words:

- **Mutuality.** Both people learn. The relationship is not expert and patient, and nobody is "fixed".
- **Hope.** Recovery looks different for everyone, and it is possible. Your story can be evidence of that, shared with care.
- **Choice.** The person decides what they want and what happens next. You offer options, never orders.
- **Connection first.** Feeling heard is often the first change. Problem-solving, if it comes, comes later and is theirs.

### What peer support is not

- It is **not therapy or diagnosis**. You do not label, assess or treat. If someone needs clinical care, you help them find it.
- It is **not an emergency service**. When someone may be in danger, you follow Hearth's escalation protocol (module 6).
- It is **not friendship without limits**. You bring warmth and honesty within clear boundaries (module 4).
- It is **not rescuing**. Doing things *for* someone can take away their sense that they can do it themselves.

### Your lived experience

Sharing part of your own story can build trust, but only when it serves the other person. Before you share, ask
yourself: *Why am I sharing this? Will it help them, or move the focus to me?* Keep it short, and hand the
conversation back.`,
        },
      },
      {
        kind: 'quiz',
        title: 'Check your understanding',
        content: {
          quiz: {
            passPercent: 67,
            questions: [
              {
                id: 'q1',
                kind: 'multiple_choice',
                prompt: 'Which of these best describes the peer supporter’s role?',
                options: [
                  { id: 'a', text: 'To diagnose what is going on and recommend treatment' },
                  { id: 'b', text: 'To offer a mutual, hopeful relationship based on lived experience' },
                  { id: 'c', text: 'To solve the person’s problems as quickly as possible' },
                ],
                correctOptionId: 'b',
                explanation: 'Peer support is a relationship between equals. Diagnosis belongs to clinicians, and solutions belong to the person.',
              },
              {
                id: 'q2',
                kind: 'scenario',
                scenario: 'A member says: "You’ve been through this, so just tell me what to do."',
                prompt: 'What fits peer support best?',
                options: [
                  { id: 'a', text: 'Tell them exactly what worked for you and that they should do the same' },
                  { id: 'b', text: 'Say briefly what helped you, then ask what they think might fit their life' },
                  { id: 'c', text: 'Refuse to talk about your own experience at all' },
                ],
                correctOptionId: 'b',
                explanation: 'A short, purposeful share can offer hope, and handing the choice back respects that the person knows their life best.',
              },
              {
                id: 'q3',
                kind: 'multiple_choice',
                prompt: 'Someone tells you they may be in danger right now. What is true?',
                options: [
                  { id: 'a', text: 'Peer support is not an emergency service, so you follow Hearth’s escalation protocol' },
                  { id: 'b', text: 'You should handle it alone so they keep trusting you' },
                  { id: 'c', text: 'You should end the chat and suggest they rest' },
                ],
                correctOptionId: 'a',
                explanation: 'You stay with the person and bring in help through the escalation protocol you will learn in module 6.',
              },
            ],
          },
        },
      },
    ],
  },
  {
    key: 'active-listening',
    kind: 'core',
    title: '2. Active listening',
    summary: 'Reflecting, summarising and open questions: listening so the other person feels heard.',
    ceMinutes: 90,
    sources: [SOURCES.samhsa, SOURCES.pfa, SOURCES.ips],
    lessons: [
      {
        kind: 'text',
        title: 'Listening to understand',
        content: {
          markdown: `## Listening to understand

Most of us listen while preparing our reply. Active listening means putting that aside and trying to understand the
person's experience as they live it. Psychological first aid sums up the stance in three words: *look, listen, link*.
Listening comes before linking.

### The core skills

1. **Reflecting feelings.** Say back the feeling you hear, tentatively: *"It sounds like you've been feeling really alone
   with this."* If you get it wrong, the person corrects you, and you both understand more.
2. **Paraphrasing and summarising.** Put what they said in your own words, briefly: *"So work has been piling up, and
   at home there's no space to rest."*
3. **Open questions.** Questions that start with *what* or *how* invite a story: *"What has this week been like?"*
   Questions answered with yes or no ("Are you okay?") tend to close the conversation down.
4. **Silence.** A pause gives the person room to go on. You do not need to fill it.

### Common roadblocks

- **Advice too early** ("Have you tried…?"). It can feel like being handed homework before being heard.
- **Silver linings** ("At least…"). Meant kindly, it can make pain feel smaller than it is.
- **Judgment** ("You shouldn't feel that way").
- **Making it about you** ("The same happened to me…").

None of these makes you a bad listener. Notice them, and come back to reflecting what you heard.`,
        },
      },
      {
        kind: 'quiz',
        title: 'Active listening quiz',
        content: {
          quiz: {
            passPercent: 67,
            questions: [
              {
                id: 'q1',
                kind: 'multiple_choice',
                prompt: 'Which is an open question?',
                options: [
                  { id: 'a', text: 'Did you sleep last night?' },
                  { id: 'b', text: 'What has the week been like for you?' },
                  { id: 'c', text: 'Have you tried going to bed earlier?' },
                ],
                correctOptionId: 'b',
                explanation: 'It invites a story. "Did you…?" asks for yes or no, and "Have you tried…?" is advice shaped like a question.',
              },
              {
                id: 'q2',
                kind: 'scenario',
                scenario: 'A member writes: "I keep smiling at work but I go home and just sit in the dark."',
                prompt: 'Which reply reflects what you heard?',
                options: [
                  { id: 'a', text: 'At least you are still managing at work.' },
                  { id: 'b', text: 'You should tell your manager how you feel.' },
                  { id: 'c', text: 'It sounds like keeping it together all day leaves you empty by the evening.' },
                ],
                correctOptionId: 'c',
                explanation: 'A reflection names the experience without fixing or minimising it. The other two jump to a silver lining or to advice.',
              },
              {
                id: 'q3',
                kind: 'multiple_choice',
                prompt: 'Why stay with a short silence rather than fill it?',
                options: [
                  { id: 'a', text: 'It gives the person room to go on in their own time' },
                  { id: 'b', text: 'It shows you are bored' },
                  { id: 'c', text: 'It is a way to end the conversation' },
                ],
                correctOptionId: 'a',
                explanation: 'Many people need a moment to find their words. A calm pause says there is no rush.',
              },
            ],
          },
        },
      },
      {
        kind: 'roleplay',
        title: 'Practice: a first conversation',
        content: {
          roleplay: {
            persona: 'Sam, a member who has asked for a one-to-one chat',
            setting: 'Sam has just joined the chat. Reply as you would in a real conversation. After each reply you will see feedback on your listening.',
            startNodeId: 'open',
            nodes: [
              { id: 'open', says: "Hi. I don't really know why I'm here. Work is a lot, my partner's away, and I've been so tired of pretending everything is fine.", next: { listened: 'deeper', missed: 'guarded' } },
              { id: 'guarded', says: "Yeah... maybe. I guess I just wanted someone to hear it without trying to fix it.", next: { listened: 'deeper', missed: 'guarded' } },
              { id: 'deeper', says: "It's the evenings mostly. The flat is so quiet. I keep telling everyone I'm okay because I don't want to be a burden.", next: { listened: 'close', missed: 'guarded2' } },
              { id: 'guarded2', says: "Right. Sorry, I'm probably not making much sense.", next: { listened: 'close', missed: 'guarded2' } },
              { id: 'close', says: "Thank you. That actually helps, saying it out loud to someone who gets it.", next: { listened: null, missed: null } },
            ],
          },
        },
      },
    ],
  },
  {
    key: 'empathy-validation',
    kind: 'core',
    title: '3. Empathy and validation',
    summary: 'Understanding a feeling from the inside, and saying that it makes sense, without agreeing with everything.',
    ceMinutes: 90,
    sources: [SOURCES.samhsa, SOURCES.ips, SOURCES.mha],
    lessons: [
      {
        kind: 'text',
        title: 'Feeling with, not for',
        content: {
          markdown: `## Feeling with, not for

**Empathy** is trying to feel your way into someone else's experience: what it is like to be them, right now.
**Sympathy** looks at the experience from outside ("Oh, poor you"). Empathy sits beside the person.

**Validation** tells the person their reaction makes sense. It does not mean you agree with every thought or choice.
You are validating the *feeling*, not judging the facts. Some ways to do it:

- *"That makes sense, given everything you've been through."*
- *"Anyone carrying that much would feel worn out."*
- *"Thank you for telling me. I know that wasn't easy to say."*

### When it is hard to validate

Sometimes a person says something you see differently, or that is hard to hear. You can still validate what is
underneath: the fear, the hurt, the wish to be treated fairly. *"It sounds like you felt completely dismissed in that
meeting"* honours the experience without arguing about what happened.

### Gentle honesty

Intentional Peer Support invites us to share our own reactions honestly, without taking over. If you feel worried,
you may say so, as your feeling, and ask how it lands: *"I notice I'm feeling worried hearing this. Can I share why?"*
This keeps the relationship mutual and real.

### Watch for

Silver linings and reassurance ("It'll all work out") often come from our own discomfort with someone's pain. Notice
the urge, take a breath, and stay with what they said.`,
        },
      },
      {
        kind: 'quiz',
        title: 'Empathy and validation quiz',
        content: {
          quiz: {
            passPercent: 67,
            questions: [
              {
                id: 'q1',
                kind: 'multiple_choice',
                prompt: 'Validation means…',
                options: [
                  { id: 'a', text: 'Agreeing with everything the person believes' },
                  { id: 'b', text: 'Saying their feelings make sense in their situation' },
                  { id: 'c', text: 'Telling them things will get better soon' },
                ],
                correctOptionId: 'b',
                explanation: 'You validate the feeling, not every belief or choice. Reassurance about the future is a different thing.',
              },
              {
                id: 'q2',
                kind: 'scenario',
                scenario: 'A member says: "My sister got the promotion I wanted and I can’t even be happy for her. I hate myself for it."',
                prompt: 'Which reply is validating?',
                options: [
                  { id: 'a', text: 'You should be happy for her, she is your sister.' },
                  { id: 'b', text: 'It makes sense to feel disappointed when you wanted it so much; that doesn’t make you a bad sister.' },
                  { id: 'c', text: 'At least someone in your family got it.' },
                ],
                correctOptionId: 'b',
                explanation: 'It normalises a mixed feeling without judgment. The others judge or minimise.',
              },
              {
                id: 'q3',
                kind: 'multiple_choice',
                prompt: 'What is the difference between empathy and sympathy?',
                options: [
                  { id: 'a', text: 'Empathy tries to understand from the inside; sympathy feels sorry from the outside' },
                  { id: 'b', text: 'There is no difference' },
                  { id: 'c', text: 'Sympathy is always better because it is kinder' },
                ],
                correctOptionId: 'a',
                explanation: 'Empathy sits beside the person. Sympathy, however kind, can leave them feeling looked at.',
              },
            ],
          },
        },
      },
      {
        kind: 'roleplay',
        title: 'Practice: staying with a hard feeling',
        content: {
          roleplay: {
            persona: 'Jordan, a member whose friendship has ended',
            setting: 'Jordan has been talking with you for a few minutes. Practise empathy and validation; resist fixing.',
            startNodeId: 'open',
            nodes: [
              { id: 'open', says: "My best friend stopped talking to me. No explanation. I keep going over everything I said, and I feel stupid for being this upset about it.", next: { listened: 'deeper', missed: 'guarded' } },
              { id: 'guarded', says: "I know, I know. Everyone says that. It still hurts though.", next: { listened: 'deeper', missed: 'guarded' } },
              { id: 'deeper', says: "We've been friends for twelve years. She knew me before all of this. Now I don't know who I can call when things get bad.", next: { listened: 'close', missed: 'guarded2' } },
              { id: 'guarded2', says: "Maybe. I don't really want to think about other people right now.", next: { listened: 'close', missed: 'guarded2' } },
              { id: 'close', says: "Yeah. It's a lot. I think I needed someone to say it's okay to be this sad about it.", next: { listened: null, missed: null } },
            ],
          },
        },
      },
    ],
  },
];
