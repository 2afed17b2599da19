/**
 * Crisis lines shown by "Get help now". Kept as data so a host organization can review and extend it.
 * Numbers were checked against each service's own published details; re-check them before each release.
 */
export type CrisisLine = {
  name: string;
  description: string;
  phone?: string;
  text?: string;
  url?: string;
  hours: string;
};

export type CountryCrisisLines = { country: string; name: string; emergency: string; lines: CrisisLine[] };

export const CRISIS_LINES: CountryCrisisLines[] = [
  {
    country: 'US',
    name: 'United States',
    emergency: '911',
    lines: [
      { name: '988 Suicide & Crisis Lifeline', description: 'Call or text 988, or chat online. Free and confidential.', phone: '988', text: '988', url: 'https://988lifeline.org', hours: '24/7' },
      { name: 'Crisis Text Line', description: 'Text HOME to 741741 to reach a trained crisis counselor.', text: 'HOME to 741741', url: 'https://www.crisistextline.org', hours: '24/7' },
      { name: 'Veterans Crisis Line', description: 'Dial 988 then press 1, or text 838255.', phone: '988 (press 1)', text: '838255', url: 'https://www.veteranscrisisline.net', hours: '24/7' },
    ],
  },
  {
    country: 'GB',
    name: 'United Kingdom',
    emergency: '999',
    lines: [
      { name: 'Samaritans', description: 'Whatever you are going through, call free any time.', phone: '116 123', url: 'https://www.samaritans.org', hours: '24/7' },
      { name: 'Shout', description: 'Text SHOUT to 85258 for free, confidential text support.', text: 'SHOUT to 85258', url: 'https://giveusashout.org', hours: '24/7' },
      { name: 'NHS 111', description: 'In England, call 111 and choose the mental health option for urgent help.', phone: '111', url: 'https://111.nhs.uk', hours: '24/7' },
    ],
  },
  {
    country: 'CA',
    name: 'Canada',
    emergency: '911',
    lines: [
      { name: '9-8-8 Suicide Crisis Helpline', description: 'Call or text 988, in English or French.', phone: '988', text: '988', url: 'https://988.ca', hours: '24/7' },
      { name: 'Kids Help Phone', description: 'For young people: call 1-800-668-6868 or text CONNECT to 686868.', phone: '1-800-668-6868', text: 'CONNECT to 686868', url: 'https://kidshelpphone.ca', hours: '24/7' },
    ],
  },
  {
    country: 'AU',
    name: 'Australia',
    emergency: '000',
    lines: [
      { name: 'Lifeline', description: 'Call 13 11 14 or text 0477 13 11 14 for crisis support.', phone: '13 11 14', text: '0477 13 11 14', url: 'https://www.lifeline.org.au', hours: '24/7' },
      { name: 'Beyond Blue', description: 'Talk it through with a counsellor on 1300 22 4636.', phone: '1300 22 4636', url: 'https://www.beyondblue.org.au', hours: '24/7' },
    ],
  },
  {
    country: 'IE',
    name: 'Ireland',
    emergency: '112 or 999',
    lines: [
      { name: 'Samaritans Ireland', description: 'Call free any time, day or night.', phone: '116 123', url: 'https://www.samaritans.org/ireland', hours: '24/7' },
      { name: 'Text 50808', description: 'Text HELLO to 50808 for free text support.', text: 'HELLO to 50808', url: 'https://text50808.ie', hours: '24/7' },
      { name: 'Pieta', description: 'Suicide and self-harm crisis support: call 1800 247 247 or text HELP to 51444.', phone: '1800 247 247', text: 'HELP to 51444', url: 'https://www.pieta.ie', hours: '24/7' },
    ],
  },
];

/** For every other country: directories of local services. */
export const INTERNATIONAL_DIRECTORIES: CrisisLine[] = [
  { name: 'Find A Helpline', description: 'Free, confidential helplines in more than 130 countries, searchable by country and topic.', url: 'https://findahelpline.com', hours: 'Varies by service' },
  { name: 'IASP crisis centres', description: 'The International Association for Suicide Prevention directory of crisis centres.', url: 'https://www.iasp.info/crisis-centres-helplines/', hours: 'Varies by service' },
];

/** Lines for a country code (ISO 3166-1 alpha-2); null when we have none, so the UI shows the directories. */
export function findCrisisLines(country: string | null | undefined): CountryCrisisLines | null {
  if (!country) return null;
  const code = country.toUpperCase() === 'UK' ? 'GB' : country.toUpperCase();
  return CRISIS_LINES.find((c) => c.country === code) ?? null;
}
