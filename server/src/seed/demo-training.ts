import type { Actor } from '../platform/http/actor.ts';
import type { TrainingService } from '../modules/training/index.ts';
import type { SupervisionService } from '../modules/supervision/index.ts';
import { instantToLocal, localToInstant } from '../modules/sessions/recurrence.ts';

type Services = { training: TrainingService; supervision: SupervisionService };
type Person = { id: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Who holds which certificate in the demo (everyone who leads or co-leads a demo group, and the peer supporters). */
const CERTIFIED: Array<[key: string, kind: 'peer_supporter' | 'group_facilitator']> = [
  ['facilitator', 'group_facilitator'],
  ['amara', 'group_facilitator'],
  ['lucia', 'group_facilitator'],
  ['peer', 'group_facilitator'],
  ['kai', 'group_facilitator'],
  ['noor', 'group_facilitator'],
];

/** Invented activity entries for demo_peer (June), a few signed off by the clinician. */
const ACTIVITIES = [
  { category: 'emotional_support', hoursAgo: 3, minutes: 45, notes: 'Evening one-to-one about a hard week at work. Want to talk about pacing.', signOff: false },
  { category: 'group_facilitation', hoursAgo: 50, minutes: 90, notes: 'Co-facilitated the anxiety circle; a new member spoke for the first time.', signOff: true },
  { category: 'community_connection', hoursAgo: 75, minutes: 30, notes: 'Helped someone find a walking group near them.', signOff: true },
  { category: 'crisis_referral', hoursAgo: 120, minutes: 40, notes: 'Stayed in chat until on-call arrived. Debrief requested.', signOff: true },
  { category: 'skill_building', hoursAgo: 170, minutes: 60, notes: 'Practised a grounding exercise together.', signOff: false },
] as const;

/**
 * Training and supervision in the demo: certificates for everyone who leads groups or takes one-to-one requests
 * (granted by the admin as recognised prior training; this runs before the groups are created, since leading a group
 * needs the certificate), some course progress for demo_member, and a supervision log for demo_peer.
 */
export async function seedDemoTraining(services: Services, actor: (key: string) => Actor, user: (key: string) => Person, now: Date) {
  const { training, supervision } = services;
  const admin = actor('admin');
  for (const [key, kind] of CERTIFIED) {
    for (const k of kind === 'group_facilitator' ? (['peer_supporter', 'group_facilitator'] as const) : ([kind] as const)) {
      await training.grantCertificate(admin, { userId: user(key).id, kind: k, holderName: actor(key).displayName });
    }
  }

  // demo_facilitator is also a certified trainer, so they can write courses alongside admins and clinicians.
  await training.grantCertificate(admin, { userId: user('facilitator').id, kind: 'trainer', holderName: actor('facilitator').displayName });

  // demo_member has started the curriculum: module 1 done, halfway through active listening.
  const member = actor('member');
  const { courses } = await training.listCourses(member);
  const [first, second] = courses;
  for (const course of [first, second]) {
    if (!course) continue;
    const detail = await training.getCourse(member, course.id);
    for (const lesson of detail.lessons) {
      if (course === second && lesson.kind !== 'text') break;
      if (lesson.kind === 'text') await training.saveProgress(member, lesson.id, { completed: true });
      if (lesson.kind === 'quiz') await training.submitQuiz(member, lesson.id, { answers: await correctAnswers(training, member, lesson.id) });
    }
  }

  // June (demo_peer) is supervised by Dr. Okafor (demo_clinician), with a log, feedback and a session next week.
  await supervision.assignSupervisor(admin, { supervisorId: user('clinician').id, supporterId: user('peer').id });
  await supervision.assignSupervisor(admin, { supervisorId: user('clinician').id, supporterId: user('kai').id });
  const peer = actor('peer');
  const clinician = actor('clinician');
  for (const a of ACTIVITIES) {
    const entry = await supervision.logActivity(peer, { category: a.category, occurredAt: new Date(now.getTime() - a.hoursAgo * HOUR).toISOString(), durationMinutes: a.minutes, notes: a.notes });
    if (a.signOff) await supervision.reviewActivity(clinician, entry.id, { decision: 'sign_off', comment: 'Thank you. Good boundaries here.' });
  }
  await supervision.scheduleMeeting(clinician, { supporterId: user('peer').id, startsAt: meetingStart(now, 6, '10:00', actor('clinician').timezone).toISOString(), durationMinutes: 60, agenda: 'Debrief the crisis referral; pacing long chats.' });
}

/** A whole-hour local time some days ahead (a meeting at 12:46 AM would look odd in the demo calendars). */
function meetingStart(now: Date, inDays: number, time: string, timezone: string): Date {
  const day = instantToLocal(new Date(now.getTime() + inDays * DAY), timezone).slice(0, 10);
  return localToInstant(`${day}T${time}`, timezone);
}

/** The seed answers quizzes correctly, the way a diligent trainee would. */
async function correctAnswers(training: TrainingService, member: Actor, lessonId: string) {
  const lesson = await training.getLesson(member, lessonId);
  const answers: Record<string, string> = {};
  for (const q of lesson.quiz?.questions ?? []) answers[q.id] = q.options[0]!.id;
  // First attempt reveals the right answers with explanations; the trainee learns and tries again.
  const first = await training.submitQuiz(member, lessonId, { answers });
  for (const r of first.results) answers[r.questionId] = r.correctOptionId;
  return answers;
}
