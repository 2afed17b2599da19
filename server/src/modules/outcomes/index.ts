export { createOutcomesService, type OutcomesService } from './outcomes.service.ts';
export { outcomesRoutes } from './outcomes.routes.ts';
export { createOutcomesPersonalData } from './outcomes.personal-data.ts';
export type { StoredMessage } from './mood.ts';
export { weekStart } from './progress.ts';
export { toCsv } from './csv.ts';
