import type { Actor } from '../platform/http/actor.ts';
import type { IntakeService } from '../modules/intake/index.ts';
import type { MatchingService } from '../modules/matching/index.ts';

type Services = { matching: MatchingService; intake: IntakeService };

/**
 * Matching demo: peer supporters' matching profiles, Robin's intake profile (so "Matches for you" shows reasons at
 * once), a request waiting in the one-to-one queue, a live small group and a cohort program taking applications.
 * All words are invented for the demo.
 */
export async function seedDemoMatching(services: Services, actor: (key: string) => Actor) {
  const evenings = [2, 4].map((weekday) => ({ weekday, start: '17:00', end: '22:00' }));
  const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '23:00' }));
  await services.matching.saveSupporterProfile(actor('peer'), { livedExperience: ['grief', 'caregivers', 'depression'], gender: 'non-binary', ageRange: '35-49', availability: allWeek, acceptingRequests: true, maxCaseload: 4 });
  await services.matching.saveSupporterProfile(actor('kai'), { livedExperience: ['anxiety', 'social_anxiety', 'stress'], gender: 'man', ageRange: '25-34', availability: evenings, acceptingRequests: true, maxCaseload: 3 });
  await services.matching.saveSupporterProfile(actor('noor'), { livedExperience: ['loneliness', 'relationships', 'grief'], gender: 'woman', ageRange: '50-64', availability: allWeek, acceptingRequests: true, maxCaseload: 4 });

  await services.intake.saveProfile(actor('member'), {
    whatBrings: 'Work has been a lot lately, and I have felt low since my grandmother died in the spring.',
    challenges: ['grief', 'stress'],
    communities: [],
    languages: ['en', 'es'],
    timezone: 'America/New_York',
    availability: [{ weekday: 2, start: '18:00', end: '21:30' }, { weekday: 4, start: '18:00', end: '21:30' }, { weekday: 6, start: '09:00', end: '13:00' }],
    format: 'any',
    place: 'Burlington',
    supporter: { gender: null, ageRange: null, livedExperience: ['grief'] },
  });

  // Someone waiting in the one-to-one queue, so peer supporters see it alive.
  await services.matching.createSupportRequest(actor('dani'), { intro: 'Starting a new job next week and my nerves are all over the place. Would love to talk it through.' });

  // A live small group about stress, hosted by a peer supporter.
  await services.matching.joinOnDemand(actor('theo'), { text: 'Deadlines keep piling up at work and I cannot switch off at night.' });
  await services.matching.joinOnDemand(actor('ifeoma'), { text: 'Juggling two jobs and the kids, I feel stretched thin and stressed all the time.' });

  // A program with fixed groups (the two groups that fit Robin best), with a few applications waiting for assignment.
  const { recommendations } = await services.matching.recommendGroups(actor('member'), { limit: 2 });
  if (recommendations.length > 0) {
    const program = await services.matching.createProgram(actor('facilitator'), {
      name: 'Eight weeks together (autumn)',
      description: 'A weekly course in small fixed groups. Apply once; we place you in the group that fits you best.',
      groups: recommendations.map((r) => ({ groupId: r.group.id, capacity: 8 })),
      // Starts in three weeks; applications close a week before, so the groups can be assigned in good time.
      startsAt: new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 21, 18)).toISOString(),
      applicationsCloseAt: new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 14, 18)).toISOString(),
    });
    await services.matching.applyToProgram(actor('member'), program.id);
    // Two more applicants, so staff see a list and an assignment preview with more than one person in it.
    for (const [key, whatBrings, challenges] of [
      ['ben', 'Caring for my dad most evenings; I would like a steady group to check in with each week.', ['caregivers', 'stress']],
      ['mei', 'Worry keeps me up at night before big days. I want to practise calming down with others.', ['anxiety', 'stress']],
    ] as const) {
      await services.intake.saveProfile(actor(key), { whatBrings, challenges: [...challenges], communities: [], languages: ['en'], timezone: actor(key).timezone, availability: [], format: 'online', place: null, supporter: { gender: null, ageRange: null, livedExperience: [] } });
      await services.matching.applyToProgram(actor(key), program.id);
    }
  }
}
