import type { Actor } from '../platform/http/actor.ts';
import type { ResourcesService } from '../modules/resources/index.ts';

/**
 * The demo organization's own library items, beside the shared starter library (installed at boot). Invented, kind
 * content in our own words.
 */
export async function seedDemoResources(services: { resources: ResourcesService }, actor: (key: string) => Actor): Promise<void> {
  await services.resources.installStarterLibrary();
  const moderator = actor('moderator');
  await services.resources.createResource(moderator, {
    kind: 'article',
    slug: 'our-burlington-venues',
    title: 'Finding our Burlington meeting rooms',
    summary: 'Where our in-person groups meet, how to get in, and what to do if you arrive late.',
    body: [
      'Our in-person groups meet at the **Maple Street Community Library** (Reading Room 2, first floor, step-free) and at the **Lakeside Park Boathouse** for the walking group.',
      '',
      '## Arriving',
      '',
      '- Doors open 15 minutes before each session. A facilitator wears a green lanyard.',
      '- If you are late, come in quietly; there is always a seat near the door.',
      '- You can check in with the code on the sign, or just tell the facilitator your name.',
      '',
      '## Accessibility',
      '',
      'Both venues have step-free access and an accessible toilet. Tell your facilitator if you need anything else, such as a seat near the exit or a quieter spot.',
    ].join('\n'),
    language: 'en',
    topics: ['general_wellbeing', 'loneliness'],
    tags: ['venues', 'in person', 'first session'],
    audience: ['new members'],
  });
  await services.resources.createResource(moderator, {
    kind: 'worksheet',
    slug: 'caregiver-weekly-breathers',
    title: 'Caregiver breathers: a weekly planner',
    summary: 'Plan three small breaks into a caring week, and who can cover for you.',
    body: '## Three small breathers this week\n\n1. When: __________ What I will do: __________ Who covers: __________\n2. When: __________ What I will do: __________ Who covers: __________\n3. When: __________ What I will do: __________ Who covers: __________\n\nIf caring is becoming too much to hold, please bring it to the caregivers circle, or use **Get help now** at any hour.\n',
    language: 'en',
    topics: ['caregivers'],
    tags: ['worksheet', 'rest', 'caring'],
    audience: ['caregivers'],
  });
}
