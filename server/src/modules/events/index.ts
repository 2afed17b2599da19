export { createEventsService, type EventsService, type CalendarWriter, type CalendarEntry } from './events.service.ts';
export { eventsRoutes } from './events.routes.ts';
export { createEventsPersonalData } from './events.personal-data.ts';
