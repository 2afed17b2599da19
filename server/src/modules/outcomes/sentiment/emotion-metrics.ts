/**
 * Accuracy and macro-F1 for the emotion classifier on multi-label gold data: a prediction is correct when it is one
 * of the row's gold labels. Per class c: TP = predicted c and c is gold; FP = predicted c, c not gold;
 * FN = c is gold but something else was predicted.
 */
export type EmotionRow = { text: string; labels: number[] };

export function parseEkmanTsv(raw: string): EmotionRow[] {
  return raw
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      const [text = '', labels = ''] = line.split('\t');
      return { text, labels: labels.split(',').map(Number).filter((n) => Number.isInteger(n)) };
    })
    .filter((r) => r.labels.length > 0);
}

export type EmotionScores = { n: number; accuracy: number; macroF1: number; perClass: { label: string; precision: number; recall: number; f1: number; support: number }[] };

export function scoreEmotions(rows: EmotionRow[], predictions: number[], labels: readonly string[]): EmotionScores {
  const tp = new Array<number>(labels.length).fill(0);
  const fp = new Array<number>(labels.length).fill(0);
  const fn = new Array<number>(labels.length).fill(0);
  const support = new Array<number>(labels.length).fill(0);
  let correct = 0;
  rows.forEach((row, i) => {
    const p = predictions[i]!;
    for (const g of row.labels) support[g]!++;
    if (row.labels.includes(p)) {
      correct++;
      tp[p]!++;
    } else {
      fp[p]!++;
      for (const g of row.labels) fn[g]!++;
    }
  });
  const perClass = labels.map((label, c) => {
    const precision = tp[c]! + fp[c]! === 0 ? 0 : tp[c]! / (tp[c]! + fp[c]!);
    const recall = tp[c]! + fn[c]! === 0 ? 0 : tp[c]! / (tp[c]! + fn[c]!);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support: support[c]! };
  });
  return { n: rows.length, accuracy: correct / rows.length, macroF1: perClass.reduce((s, c) => s + c.f1, 0) / labels.length, perClass };
}
