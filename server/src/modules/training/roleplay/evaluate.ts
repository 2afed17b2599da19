import { assessReply, primaryLabel } from './assessor.ts';
import { predict, type Example, type RoleplayModel } from './model.ts';
import { findCues, LABELS, PITFALLS, SKILLS, type Label } from './rules.ts';

export type Scores = { accuracy: number; listenedAgreement: number; perLabel: Array<{ label: Label; precision: number; recall: number; support: number }> };

/** Scores a predictor against labelled examples: exact label accuracy, and agreement on "listened or not". */
export function score(examples: Example[], predictLabel: (text: string) => Label): Scores {
  const predicted = examples.map((e) => predictLabel(e.text));
  const correct = predicted.filter((p, i) => p === examples[i]!.label).length;
  const listened = (l: Label) => (SKILLS as readonly string[]).includes(l);
  const agree = predicted.filter((p, i) => listened(p) === listened(examples[i]!.label)).length;
  const perLabel = LABELS.map((label) => {
    const tp = predicted.filter((p, i) => p === label && examples[i]!.label === label).length;
    const predictedCount = predicted.filter((p) => p === label).length;
    const support = examples.filter((e) => e.label === label).length;
    return { label, precision: predictedCount ? tp / predictedCount : 0, recall: support ? tp / support : 0, support };
  });
  return { accuracy: correct / examples.length, listenedAgreement: agree / examples.length, perLabel };
}

/** The three predictors the report compares: rules alone, model alone, and the assessor (rules, then model). */
export function predictors(model: RoleplayModel, train: Example[]) {
  const counts = new Map<Label, number>();
  for (const e of train) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const rules = (text: string): Label => {
    const cues = findCues(text);
    const pitfall = cues.find((c) => (PITFALLS as readonly string[]).includes(c.label));
    const skill = cues.find((c) => (SKILLS as readonly string[]).includes(c.label));
    return pitfall?.label ?? skill?.label ?? 'closed_question';
  };
  return {
    majority: (): Label => majority,
    rules,
    model: (text: string): Label => predict(model, text)[0]!.label,
    assessor: (text: string): Label => primaryLabel(assessReply(model, text)),
  };
}

/** A markdown table of the comparison, for bench/reports. */
export function reportTable(rows: Array<[string, Scores]>): string {
  const lines = ['| predictor | accuracy | listened / not agreement |', '|---|---|---|'];
  for (const [name, s] of rows) lines.push(`| ${name} | ${(s.accuracy * 100).toFixed(1)} % | ${(s.listenedAgreement * 100).toFixed(1)} % |`);
  return lines.join('\n');
}
