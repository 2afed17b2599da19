export { createIntakeService, type IntakeService } from './intake.service.ts';
export { intakeRoutes } from './intake.routes.ts';
export { createIntakePersonalData } from './intake.personal-data.ts';
export { createLlmAdapter, type LlmAdapter } from './llm-adapter.ts';
export { BOT_COPY } from './bot-copy.ts';
