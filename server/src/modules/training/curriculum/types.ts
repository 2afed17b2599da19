import type { LessonContent } from '../../../db/schema/training.ts';

/** One built-in module of the curriculum, copied into every organization when its training is first opened. */
export type BuiltInCourse = {
  key: string;
  kind: 'core' | 'facilitation' | 'elective' | 'continuing';
  title: string;
  summary: string;
  ceMinutes: number;
  sources: Array<{ title: string; url: string }>;
  lessons: Array<{ kind: 'text' | 'media' | 'quiz' | 'roleplay'; title: string; content: LessonContent }>;
};

/** Public frameworks the curriculum draws on. We cite them; every word of the lessons is our own. */
export const SOURCES = {
  samhsa: { title: 'SAMHSA, Core Competencies for Peer Workers in Behavioral Health Services (2015)', url: 'https://www.samhsa.gov/brss-tacs/recovery-support-tools/peers/core-competencies-peer-workers' },
  mha: { title: 'Mental Health America, National Certified Peer Specialist (NCPS) materials', url: 'https://www.mhanational.org/national-certified-peer-specialist-ncps' },
  ips: { title: 'Intentional Peer Support (Shery Mead): connection, worldview, mutuality, moving towards', url: 'https://www.intentionalpeersupport.org/what-is-ips/' },
  pfa: { title: 'WHO, Psychological First Aid: Guide for Field Workers (2011): look, listen, link', url: 'https://www.who.int/publications/i/item/9789241548205' },
  safeMessaging: { title: 'Recommendations for Reporting on Suicide (reportingonsuicide.org) and AFSP safe messaging guidance', url: 'https://reportingonsuicide.org/' },
  cssrs: { title: 'Columbia Suicide Severity Rating Scale (C-SSRS) screener structure, The Columbia Lighthouse Project', url: 'https://cssrs.columbia.edu/' },
  samhsaTic: { title: "SAMHSA's Concept of Trauma and Guidance for a Trauma-Informed Approach (HHS Publication SMA14-4884, 2014)", url: 'https://store.samhsa.gov/product/samhsas-concept-trauma-and-guidance-trauma-informed-approach/sma14-4884' },
  culturalHumility: { title: 'Tervalon & Murray-García, Cultural humility versus cultural competence (1998)', url: 'https://doi.org/10.1353/hpu.2010.0233' },
  nami: { title: 'NAMI Connection Recovery Support Group model: trained co-facilitators and group guidelines', url: 'https://www.nami.org/Support-Education/Support-Groups/NAMI-Connection' },
  mi: { title: 'SAMHSA TIP 35, Enhancing Motivation for Change in Substance Use Disorder Treatment (2019)', url: 'https://store.samhsa.gov/product/tip-35-enhancing-motivation-change-substance-use-disorder-treatment/pep19-02-01-003' },
  harmReduction: { title: 'SAMHSA, Harm Reduction Framework (2023)', url: 'https://www.samhsa.gov/find-help/harm-reduction/framework' },
} as const;
