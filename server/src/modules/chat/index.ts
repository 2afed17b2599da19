export { createChatService, ChatErrors, type ChatService } from './chat.service.ts';
export { chatRoutes } from './chat.routes.ts';
export { registerChatRealtime } from './chat.realtime.ts';
export * as chatPolicy from './chat.policy.ts';
export { createChatPersonalData } from './chat.personal-data.ts';
export { createChatFacts, type ChatFacts } from './chat-facts.ts';
