import type { Actor } from '../platform/http/actor.ts';
import type { TrainingService } from '../modules/training/index.ts';

type Services = { training: TrainingService };

/** An invented practice conversation for evening drop-in volunteers; step names are what the author sees in the editor. */
const DROP_IN_ROLEPLAY = {
  persona: 'Sam, a member who joined the evening drop-in chat for the first time',
  setting: 'It is late on a weeknight. Sam has been quiet in the drop-in room and sends you a direct message.',
  startNodeId: 'first-message',
  nodes: [
    { id: 'first-message', says: "Sorry to bother you. I wasn't sure if I should message. Everyone in the room seems to know each other already.", next: { listened: 'opening-up', missed: 'apologising' } },
    { id: 'apologising', says: "It's fine, I'll just read along. I don't want to take up anyone's time.", next: { listened: 'opening-up', missed: 'apologising' } },
    { id: 'opening-up', says: "I moved here in the summer for work and I don't really know anyone. Evenings are the worst part.", next: { listened: 'next-step', missed: 'next-step' } },
    { id: 'next-step', says: "It helps to say it out loud. Maybe I'll stay in the room for a bit tonight.", next: { listened: null, missed: null } },
  ],
};

/**
 * Role-play authoring in the demo: demo_facilitator (a certified trainer) has written a short published course with
 * a practice conversation, and June (demo_peer) has already practised its first step. So the author's editor shows
 * that the steps are kept for people who started, with "Save as new role-play", and June can pick up where she left.
 */
export async function seedDemoRoleplay(services: Services, actor: (key: string) => Actor) {
  const author = actor('facilitator');
  const course = await services.training.createCourse(author, {
    title: 'Evening drop-in: first conversations',
    summary: 'A short practice course for volunteers who welcome newcomers in the evening drop-in chat.',
    kind: 'continuing',
    ceMinutes: 30,
  });
  await services.training.addLesson(author, course.id, {
    kind: 'text',
    title: 'Welcoming someone new',
    content: {
      markdown: [
        '## Welcoming someone new',
        '',
        'People often arrive at the drop-in late in the evening, unsure whether they belong. A warm first reply matters more than the perfect words.',
        '',
        '- **Thank them for reaching out.** Messaging a stranger takes courage.',
        '- **Reflect what you hear** before offering anything: *"It sounds like evenings feel lonely right now."*',
        '- **Let them set the pace.** Reading along is a fine way to take part.',
      ].join('\n'),
    },
  });
  const withRoleplay = await services.training.addLesson(author, course.id, { kind: 'roleplay', title: 'Practice: a quiet newcomer', content: { roleplay: DROP_IN_ROLEPLAY } });
  await services.training.updateCourse(author, course.id, { published: true });

  const lesson = withRoleplay.lessons.find((l) => l.kind === 'roleplay');
  if (!lesson) return;
  await services.training.replyRoleplay(actor('peer'), lesson.id, {
    nodeId: DROP_IN_ROLEPLAY.startNodeId,
    reply: "I'm really glad you messaged. It can feel hard to join when everyone seems to know each other. How has tonight been for you?",
  });
}
