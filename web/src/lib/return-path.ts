/** Only allow same-site return paths, so a crafted link cannot send someone elsewhere after sign in. */
export function safeReturnPath(value: string | null, fallback = '/groups'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
