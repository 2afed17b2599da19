export { createChatService, type ChatService } from './chat.service.ts';
export { chatRoutes } from './chat.routes.ts';
export { registerChatRealtime } from './chat.realtime.ts';
