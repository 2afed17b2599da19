export type RiskLevel = 'none' | 'concern' | 'urgent';
export type RiskAssessment = { level: RiskLevel; score: number; reasons: string[]; aboutSomeoneElse: boolean };
export type RiskContext = { recent?: Array<{ level: RiskLevel; score: number; at: Date }> };
