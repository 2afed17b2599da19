import { DEFINITIONS, FREQUENCY_ANSWERS, PFIZER_ATTRIBUTION, type Instrument } from './instruments.ts';

const LOINC = 'http://loinc.org';

export type FhirScreening = { id: string; instrument: Instrument; answers: number[]; total: number; takenAt: Date };
export type FhirSubject = { id: string; display: string; system: string };

/**
 * A completed PHQ-9 or GAD-7 as a FHIR R4 QuestionnaireResponse: items keyed by their LOINC codes, answers as
 * LOINC answer codings, and the total score as its own item, so a clinic's record system can take it in.
 */
export function toQuestionnaireResponse(screening: FhirScreening, subject: FhirSubject) {
  const def = DEFINITIONS[screening.instrument];
  return {
    resourceType: 'QuestionnaireResponse' as const,
    id: screening.id,
    identifier: { system: `${subject.system}/screening`, value: screening.id },
    questionnaire: `${LOINC}/q/${def.loinc.code}`,
    status: 'completed' as const,
    subject: { identifier: { system: `${subject.system}/person`, value: subject.id }, display: subject.display },
    authored: screening.takenAt.toISOString(),
    item: [
      ...def.items.map((item, i) => {
        const answer = FREQUENCY_ANSWERS[screening.answers[i]!]!;
        return {
          linkId: item.loinc,
          text: item.text,
          answer: [{ valueCoding: { system: LOINC, code: answer.loinc, display: answer.text } }],
        };
      }),
      { linkId: def.totalLoinc.code, text: def.totalLoinc.display, answer: [{ valueInteger: screening.total }] },
    ],
  };
}

/** Several responses as one FHIR collection Bundle (what "export for my clinic" downloads). */
export function toBundle(screenings: FhirScreening[], subject: FhirSubject, at: Date) {
  return {
    resourceType: 'Bundle' as const,
    type: 'collection' as const,
    timestamp: at.toISOString(),
    meta: { tag: [{ system: `${subject.system}/attribution`, code: 'pfizer-phq', display: PFIZER_ATTRIBUTION }] },
    entry: screenings.map((s) => ({ fullUrl: `${subject.system}/QuestionnaireResponse/${s.id}`, resource: toQuestionnaireResponse(s, subject) })),
  };
}
