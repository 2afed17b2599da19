import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { ChatService } from './chat.service.ts';

/** Registers the `room:` channel: who may join a chat room and how a reconnecting client catches up. */
export function registerChatRealtime(_hub: RealtimeHub, _service: ChatService) {}
