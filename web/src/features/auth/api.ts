import { api, ApiError, setCsrfToken } from '../../lib/api-client.ts';

export type Role = 'member' | 'peer_supporter' | 'facilitator' | 'moderator' | 'clinician' | 'admin';

/** The signed-in person's own profile (GET /api/auth/session → user, PATCH /api/me). */
export type Me = {
  id: string;
  orgId: string;
  pseudonym: string;
  displayName: string;
  pronouns: string | null;
  role: Role;
  email: string | null;
  languages: string[];
  timezone: string;
  country: string | null;
  interests: string[];
  onboarded: boolean;
  abilities: { createGroups: boolean; moderate: boolean; administer: boolean };
};

export type SessionResponse = { user: Me; csrfToken: string };

export type SignUpBody = { pseudonym: string; password: string; email?: string; timezone?: string; country?: string };
export type SignInBody = { pseudonym: string; password: string };
export type UpdateProfileBody = Partial<{
  displayName: string;
  pronouns: string | null;
  languages: string[];
  timezone: string;
  country: string | null;
  interests: string[];
  email: string | null;
  onboarded: true;
}>;

export type LoginSession = { id: string; userAgent: string | null; createdAt: string; lastSeenAt: string; current: boolean };

/** The current session, or null when signed out. Never redirects. */
export async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get<SessionResponse>('/api/auth/session', { allowAnonymous: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export async function signUp(body: SignUpBody): Promise<SessionResponse> {
  const session = await api.post<SessionResponse>('/api/auth/sign-up', body, { allowAnonymous: true });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function signIn(body: SignInBody): Promise<SessionResponse> {
  const session = await api.post<SessionResponse>('/api/auth/sign-in', body, { allowAnonymous: true });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function signOut(): Promise<void> {
  try {
    await api.post('/api/auth/sign-out', {}, { allowAnonymous: true });
  } finally {
    setCsrfToken(null);
  }
}

export const updateProfile = (body: UpdateProfileBody) => api.patch<Me>('/api/me', body);
export const listLoginSessions = () => api.get<{ sessions: LoginSession[] }>('/api/auth/sessions');
export const revokeLoginSession = (id: string) => api.delete<{ ok: true }>(`/api/auth/sessions/${id}`);
