import { SOURCES, type BuiltInCourse } from './types.ts';

/** Modules 4–6: boundaries and self-care, confidentiality, recognising crisis and Hearth's escalation protocol. */
export const PRACTICE: BuiltInCourse[] = [
  {
    key: 'boundaries-self-care',
    kind: 'core',
    title: '4. Boundaries and self-care',
    summary: 'Clear, kind limits that keep support sustainable, and noticing the early signs of burnout in yourself.',
    ceMinutes: 60,
    sources: [SOURCES.samhsa, SOURCES.mha, SOURCES.ips],
    lessons: [
      {
        kind: 'text',
        title: 'Limits that protect the relationship',
        content: {
          markdown: `## Limits that protect the relationship

Boundaries are not walls. They make support predictable and safe for both people, and they keep you able to come back
tomorrow.

### On Hearth

- Support happens **on the platform**, in one-to-one chats or groups, not on personal phones or social media.
- You keep to the **hours you offered**. It is fine to say: *"I need to end our chat in ten minutes. Shall we think
  about what you'd like to take away from today?"*
- You do not lend money, give gifts, or meet privately outside the organization's activities.
- If a relationship starts to feel romantic or like a close friendship, talk with your supervisor.
- You can decline a one-to-one request when you do not have the capacity. Saying no kindly is part of the job.

### Burnout and compassion fatigue

Listening to distress day after day affects people. Early signs include dreading sessions, feeling numb or irritable,
sleeping badly, thinking about conversations long afterwards, or feeling that nothing you do helps.

What helps:

- **Supervision.** Bring hard conversations to your supervisor. That is what it is for, not a sign of failure.
- **Your own plan.** Notice what restores you (rest, people, movement, creativity, faith) and protect time for it.
- **Limits on load.** Keep an eye on how many conversations you hold. Hearth's dashboard shows your hours.
- **Stepping back.** Taking a break from supporting others is allowed, and you can come back when you are ready.

You matter as much as the people you support.`,
        },
      },
      {
        kind: 'quiz',
        title: 'Boundaries quiz',
        content: {
          quiz: {
            passPercent: 67,
            questions: [
              {
                id: 'q1',
                kind: 'scenario',
                scenario: 'After a good chat, a member asks for your personal phone number "in case things get bad tonight".',
                prompt: 'What do you do?',
                options: [
                  { id: 'a', text: 'Give it, because they might need you' },
                  { id: 'b', text: 'Explain kindly that you keep support on Hearth, and show them "Get help now" and how to reach the team at any hour' },
                  { id: 'c', text: 'Ignore the question' },
                ],
                correctOptionId: 'b',
                explanation: 'A clear, warm boundary plus a path to round-the-clock help keeps them safer than one person ever could.',
              },
              {
                id: 'q2',
                kind: 'multiple_choice',
                prompt: 'Which is an early sign of burnout?',
                options: [
                  { id: 'a', text: 'Dreading sessions and feeling numb afterwards' },
                  { id: 'b', text: 'Looking forward to your group' },
                  { id: 'c', text: 'Taking a day off after a busy week' },
                ],
                correctOptionId: 'a',
                explanation: 'Dread, numbness, irritability and poor sleep are common early signs. Bring them to supervision.',
              },
              {
                id: 'q3',
                kind: 'multiple_choice',
                prompt: 'When you have no capacity for a new one-to-one request, you…',
                options: [
                  { id: 'a', text: 'Accept it anyway and rush the chat' },
                  { id: 'b', text: 'Decline kindly so the person can reach someone who has time' },
                  { id: 'c', text: 'Leave it waiting without a reply' },
                ],
                correctOptionId: 'b',
                explanation: 'A prompt, kind "no" lets the member ask someone else sooner.',
              },
            ],
          },
        },
      },
    ],
  },
  {
    key: 'confidentiality-privacy',
    kind: 'core',
    title: '5. Confidentiality and privacy on the platform',
    summary: 'What stays private, the limits of confidentiality, and how Hearth protects what people share.',
    ceMinutes: 45,
    sources: [SOURCES.samhsa, SOURCES.mha],
    lessons: [
      {
        kind: 'text',
        title: 'What stays private, and when it cannot',
        content: {
          markdown: `## What stays private, and when it cannot

People share things with you that they may have told no one else. Protecting that trust is one of your most important
responsibilities.

### The basics

- What someone tells you stays between you, your supervisor and, when needed, the safety team. You do not discuss
  members with friends, family, or other members, even without names.
- You never screenshot, copy or forward conversations.
- In supervision notes and activity logs, write the **minimum**: what kind of support, how long, and what you want to
  talk through. No full names, no details that identify someone.

### The limits of confidentiality

Be honest from the start that confidentiality has limits. If someone may be in danger, or a child or vulnerable adult
may be at risk, you bring in the safety team. Never promise to keep a secret you may not be able to keep. You can say:
*"What you share stays private, unless I'm worried about your safety or someone else's. Then I'd want to bring in
someone who can help, and I'd tell you."*

### How Hearth helps

- Private messages, notes, safety plans and screener answers are **encrypted at rest**.
- People join with a **pseudonym**; an e-mail address is optional.
- Every person can **export or delete** their data from their settings.
- Staff access to a case is recorded on its timeline, so it can be reviewed.

If you ever think privacy has been breached, tell your supervisor or an admin the same day.`,
        },
      },
      {
        kind: 'quiz',
        title: 'Confidentiality quiz',
        content: {
          quiz: {
            passPercent: 67,
            questions: [
              {
                id: 'q1',
                kind: 'scenario',
                scenario: 'A member says: "Promise you won’t tell anyone what I’m about to say."',
                prompt: 'What is the honest reply?',
                options: [
                  { id: 'a', text: 'I promise, whatever it is.' },
                  { id: 'b', text: 'What you share stays private unless I am worried about your safety or someone else’s; then I would bring in help and tell you.' },
                  { id: 'c', text: 'I can’t promise anything, so maybe don’t tell me.' },
                ],
                correctOptionId: 'b',
                explanation: 'Being clear about the limits up front protects trust if you ever need to act on them.',
              },
              {
                id: 'q2',
                kind: 'multiple_choice',
                prompt: 'What belongs in an activity log note?',
                options: [
                  { id: 'a', text: 'The member’s full story, in detail' },
                  { id: 'b', text: 'The kind of support, how long, and what you want to discuss in supervision' },
                  { id: 'c', text: 'Screenshots of the chat' },
                ],
                correctOptionId: 'b',
                explanation: 'Collect the minimum. Notes are encrypted, but the safest detail is the one never written down.',
              },
              {
                id: 'q3',
                kind: 'multiple_choice',
                prompt: 'Talking about a member with your partner, without using their name, is…',
                options: [
                  { id: 'a', text: 'Fine, because there is no name' },
                  { id: 'b', text: 'Not okay: bring it to supervision instead' },
                ],
                correctOptionId: 'b',
                explanation: 'Details can identify people even without names. Supervision is the place to process what you heard.',
              },
            ],
          },
        },
      },
    ],
  },
  {
    key: 'crisis-escalation',
    kind: 'core',
    title: '6. Recognising crisis and using Hearth’s escalation protocol',
    summary: 'Warning signs, asking directly, staying with someone, bringing in help through Hearth, and safe messaging.',
    ceMinutes: 120,
    sources: [SOURCES.pfa, SOURCES.safeMessaging, SOURCES.cssrs, SOURCES.samhsa],
    lessons: [
      {
        kind: 'text',
        title: 'Recognising crisis',
        content: {
          markdown: `## Recognising crisis

A crisis is when someone's usual ways of coping are overwhelmed. It may involve thoughts of suicide, self-harm,
being harmed by someone else, or feeling completely unable to go on with the day.

### Warning signs to notice

- Talking about wanting to die, being a burden, or having no reason to live
- Saying goodbye, giving things away, or putting affairs in order
- A sudden calm after a long period of distress
- Withdrawing from people, or a sharp change in mood or behaviour
- Mentions of hurting themselves, or of someone hurting them

### Ask directly

If you are worried, ask clearly and calmly: *"Are you thinking about suicide?"* Asking does not put the idea in
someone's head; it often brings relief that someone is willing to hear it. Listen without judgment. Thank them for
telling you.

### How Hearth's risk screener is structured

Clinicians and on-call staff may use Hearth's screener, which follows the structure of the Columbia Suicide Severity
Rating Scale (C-SSRS) screener in our own words: a wish to be dead; thoughts of ending one's life; and, if so,
questions about how, about intent, and about a plan; and always, recent behaviour in the past three months. Intent, a
plan, or recent behaviour make it **urgent**. As a peer supporter you do not score or diagnose; knowing the structure
helps you understand why the team asks what it asks.`,
        },
      },
      {
        kind: 'text',
        title: 'Hearth’s escalation protocol and safe messaging',
        content: {
          markdown: `## Hearth's escalation protocol

Hearth checks every chat message and forum post for signs of crisis **before** it is shared. The message is always
delivered; nobody is silenced. What happens next depends on the level:

| Level | What Hearth does | What you do |
|---|---|---|
| **Concern** | The person privately sees a gentle card with crisis lines, "Talk to someone now" and their safety plan. A low-priority review is queued. | Keep listening. Ask directly how they are doing. Mention the card and the safety plan. |
| **Urgent** | A case opens at once and the **on-call team** (moderators and clinicians on shift) is alerted. If nobody acknowledges it within the organization's time limit, it **escalates** to the next tier. | Stay with the person. Let them know someone from the team is coming. Do not leave the chat. |

### Your steps in a one-to-one chat

1. **Stay.** Keep the conversation going; your presence matters.
2. **Ask directly** about suicide if you are worried, and listen.
3. **Bring in help.** Encourage them to press **"Talk to someone now"**, which alerts the on-call team. If they cannot,
   tell the team through your supervisor or the on-call page.
4. **Immediate danger:** if they are in danger right now, encourage them to call their local emergency number; the
   **Get help now** button at the top of every page lists crisis lines for their country.
5. **Be honest** that you are bringing in help, and why.
6. **Afterwards:** log a *crisis referral* activity, and debrief with your supervisor. You do not carry this alone either.

## Safe messaging

How we talk about suicide matters. Following the public safe-messaging recommendations:

- Say **"died by suicide"** or "took their own life". Avoid the word "committed", which echoes a crime.
- Never describe methods or locations, in chats, posts, or groups. If someone shares details, gently steer away.
- Do not present suicide as a solution, inevitable, or romantic. Avoid words like "epidemic".
- **Always include hope and help**: recovery is common, support works, and crisis lines are there at any hour.
- Share stories of coping and getting through, which can protect people.`,
        },
      },
      {
        kind: 'quiz',
        title: 'Crisis and escalation quiz',
        content: {
          quiz: {
            passPercent: 75,
            questions: [
              {
                id: 'q1',
                kind: 'multiple_choice',
                prompt: 'Does asking someone directly whether they are thinking about suicide increase their risk?',
                options: [
                  { id: 'a', text: 'Yes, it can put the idea in their head' },
                  { id: 'b', text: 'No; asking clearly often brings relief and opens the door to help' },
                ],
                correctOptionId: 'b',
                explanation: 'Evidence and public guidance agree: asking directly does not increase risk and helps people feel heard.',
              },
              {
                id: 'q2',
                kind: 'scenario',
                scenario: 'In a one-to-one chat a member says they have been thinking about ending their life and have thought about when.',
                prompt: 'What do you do first?',
                options: [
                  { id: 'a', text: 'End the chat so the professionals can take over' },
                  { id: 'b', text: 'Stay with them, thank them for telling you, and encourage "Talk to someone now" so the on-call team is alerted' },
                  { id: 'c', text: 'Promise to keep it between the two of you' },
                ],
                correctOptionId: 'b',
                explanation: 'You stay, listen and bring in the on-call team. Never leave the person alone, and never promise secrecy about safety.',
              },
              {
                id: 'q3',
                kind: 'multiple_choice',
                prompt: 'Which phrasing follows safe-messaging guidance?',
                options: [
                  { id: 'a', text: 'He died by suicide' },
                  { id: 'b', text: 'A detailed description of how someone died' },
                  { id: 'c', text: 'Suicide was the only way out for her' },
                ],
                correctOptionId: 'a',
                explanation: 'Use neutral language, never describe methods, and never frame suicide as a solution.',
              },
              {
                id: 'q4',
                kind: 'multiple_choice',
                prompt: 'When a message shows urgent risk, what does Hearth do?',
                options: [
                  { id: 'a', text: 'Hides the message' },
                  { id: 'b', text: 'Delivers it, opens a case and alerts the on-call team, escalating if nobody acknowledges in time' },
                  { id: 'c', text: 'Nothing until a moderator happens to see it' },
                ],
                correctOptionId: 'b',
                explanation: 'Nobody in crisis is silenced; the message is delivered and people on call are alerted at once.',
              },
            ],
          },
        },
      },
      {
        kind: 'roleplay',
        title: 'Practice: when someone may be in crisis',
        content: {
          roleplay: {
            persona: 'Alex, a member in a one-to-one chat late in the evening',
            setting:
              'Practise staying with Alex and listening. In a real chat you would also ask directly about suicide and encourage "Talk to someone now"; here, focus on how each reply helps Alex feel heard.',
            startNodeId: 'open',
            nodes: [
              { id: 'open', says: "I don't think I can keep doing this. Everyone would be better off without me around.", next: { listened: 'deeper', missed: 'guarded' } },
              { id: 'guarded', says: "You don't get it. Nobody does. Forget I said anything.", next: { listened: 'deeper', missed: 'guarded' } },
              { id: 'deeper', says: "I've been thinking about not being here anymore. I haven't told anyone. I'm so tired.", next: { listened: 'help', missed: 'guarded2' } },
              { id: 'guarded2', says: "I don't know. It's hard to explain.", next: { listened: 'help', missed: 'guarded2' } },
              { id: 'help', says: "Okay. I think maybe I do want to talk to someone on the team. Will you stay until they come?", next: { listened: 'close', missed: 'close' } },
              { id: 'close', says: "Thank you for not leaving. I pressed the button. Someone's coming.", next: { listened: null, missed: null } },
            ],
          },
        },
      },
    ],
  },
];
