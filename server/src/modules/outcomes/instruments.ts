/**
 * PHQ-9 and GAD-7: items, answer options, LOINC codes, standard scoring and severity bands.
 * Both instruments are free to use; their authors ask that this attribution is kept with them.
 */
export const PFIZER_ATTRIBUTION =
  'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';

export const INSTRUMENTS = ['phq9', 'gad7'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/** The four frequency answers shared by both instruments, scored 0–3, with their LOINC answer codes. */
export const FREQUENCY_ANSWERS = [
  { value: 0, loinc: 'LA6568-5', text: 'Not at all' },
  { value: 1, loinc: 'LA6569-3', text: 'Several days' },
  { value: 2, loinc: 'LA6570-1', text: 'More than half the days' },
  { value: 3, loinc: 'LA6571-9', text: 'Nearly every day' },
] as const;

export type Severity = 'minimal' | 'mild' | 'moderate' | 'moderately_severe' | 'severe';

type InstrumentDefinition = {
  title: string;
  loinc: { code: string; display: string };
  totalLoinc: { code: string; display: string };
  stem: string;
  items: ReadonlyArray<{ loinc: string; text: string }>;
  /** Inclusive lower bounds, highest first. */
  bands: ReadonlyArray<{ min: number; severity: Severity }>;
  maxTotal: number;
};

const STEM = 'Over the last 2 weeks, how often have you been bothered by any of the following problems?';

export const DEFINITIONS: Record<Instrument, InstrumentDefinition> = {
  phq9: {
    title: 'PHQ-9',
    loinc: { code: '44249-1', display: 'PHQ-9 quick depression assessment panel' },
    totalLoinc: { code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
    stem: STEM,
    items: [
      { loinc: '44250-9', text: 'Little interest or pleasure in doing things' },
      { loinc: '44255-8', text: 'Feeling down, depressed, or hopeless' },
      { loinc: '44259-0', text: 'Trouble falling or staying asleep, or sleeping too much' },
      { loinc: '44254-1', text: 'Feeling tired or having little energy' },
      { loinc: '44251-7', text: 'Poor appetite or overeating' },
      { loinc: '44258-2', text: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down' },
      { loinc: '44252-5', text: 'Trouble concentrating on things, such as reading the newspaper or watching television' },
      { loinc: '44253-3', text: 'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual' },
      { loinc: '44260-8', text: 'Thoughts that you would be better off dead or of hurting yourself in some way' },
    ],
    // Kroenke, Spitzer & Williams (2001): 5, 10, 15, 20 mark mild, moderate, moderately severe, severe.
    bands: [
      { min: 20, severity: 'severe' },
      { min: 15, severity: 'moderately_severe' },
      { min: 10, severity: 'moderate' },
      { min: 5, severity: 'mild' },
      { min: 0, severity: 'minimal' },
    ],
    maxTotal: 27,
  },
  gad7: {
    title: 'GAD-7',
    loinc: { code: '69737-5', display: 'Generalized anxiety disorder 7 item (GAD-7)' },
    totalLoinc: { code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' },
    stem: STEM,
    items: [
      { loinc: '69725-0', text: 'Feeling nervous, anxious, or on edge' },
      { loinc: '68509-9', text: 'Not being able to stop or control worrying' },
      { loinc: '69733-4', text: 'Worrying too much about different things' },
      { loinc: '69734-2', text: 'Trouble relaxing' },
      { loinc: '69735-9', text: 'Being so restless that it is hard to sit still' },
      { loinc: '69689-8', text: 'Becoming easily annoyed or irritable' },
      { loinc: '69736-7', text: 'Feeling afraid, as if something awful might happen' },
    ],
    // Spitzer et al. (2006): 5, 10, 15 mark mild, moderate, severe.
    bands: [
      { min: 15, severity: 'severe' },
      { min: 10, severity: 'moderate' },
      { min: 5, severity: 'mild' },
      { min: 0, severity: 'minimal' },
    ],
    maxTotal: 21,
  },
};

export const itemCount = (instrument: Instrument) => DEFINITIONS[instrument].items.length;

/** The published severity band of a total. Throws on a total outside the instrument's range. */
export function severityOf(instrument: Instrument, total: number): Severity {
  const def = DEFINITIONS[instrument];
  if (!Number.isInteger(total) || total < 0 || total > def.maxTotal) throw new RangeError(`${instrument} total ${total} is out of range`);
  return def.bands.find((b) => total >= b.min)!.severity;
}

export type ScoredScreening = { instrument: Instrument; answers: number[]; total: number; severity: Severity; item9Positive: boolean };

/** Sums the item answers (each 0–3) and bands the total. PHQ-9 item 9 is flagged on any answer above 0. */
export function scoreScreening(instrument: Instrument, answers: readonly number[]): ScoredScreening {
  if (answers.length !== itemCount(instrument)) throw new RangeError(`${instrument} needs ${itemCount(instrument)} answers`);
  if (answers.some((a) => !Number.isInteger(a) || a < 0 || a > 3)) throw new RangeError('each answer is 0, 1, 2 or 3');
  const total = answers.reduce((s, a) => s + a, 0);
  return { instrument, answers: [...answers], total, severity: severityOf(instrument, total), item9Positive: instrument === 'phq9' && answers[8]! > 0 };
}
