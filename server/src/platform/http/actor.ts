import type { FastifyRequest } from 'fastify';
import { CommonErrors } from '../errors.ts';

export const USER_ROLES = ['member', 'peer_supporter', 'facilitator', 'moderator', 'clinician', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The signed-in person making a request, resolved from the session cookie. */
export type Actor = {
  userId: string;
  orgId: string;
  role: UserRole;
  sessionId: string;
  csrfToken: string;
  displayName: string;
  timezone: string;
};

/** Resolves a session cookie token to an actor, or null when missing, expired or revoked. */
export type SessionResolver = (token: string) => Promise<Actor | null>;

export const SESSION_COOKIE = 'hearth_sid';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in actor, or a 401 for anonymous requests. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw CommonErrors.unauthenticated();
  return request.actor;
}
