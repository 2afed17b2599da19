/** A signed-in person as the scale tests and benches use them over plain HTTP (any node accepts the same session). */
export type HttpIdentity = { cookie: string; csrfToken: string };

export type Acked = { clientId: string; seq: number; node: string; attempts: number };

/**
 * Sends one chat message as Hearth's web app does: with a client id, retried with the same id on the next node when
 * the request fails (a killed node, a 503), so a retry can never store a second copy. Resolves once a node has
 * acknowledged it (stored it) and says which seq it got.
 */
export async function sendWithRetry(nodes: string[], start: number, who: HttpIdentity, roomId: string, clientId: string, body: string, maxAttempts = 20): Promise<Acked> {
  let lastError = '';
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const node = nodes[(start + attempt) % nodes.length]!;
    try {
      const res = await fetch(`${node}/api/rooms/${roomId}/messages`, {
        method: 'POST',
        headers: { cookie: `hearth_sid=${who.cookie}`, 'x-csrf-token': who.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId, body }),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status === 200 || res.status === 201) {
        const message = (await res.json()) as { seq: number };
        return { clientId, seq: message.seq, node, attempts: attempt + 1 };
      }
      lastError = `${res.status} ${await res.text()}`;
      if (res.status < 500 && res.status !== 429) throw new Error(`send refused: ${lastError}`);
    } catch (err) {
      if ((err as Error).message.startsWith('send refused')) throw err;
      lastError = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
  }
  throw new Error(`message ${clientId} was not acknowledged after ${maxAttempts} attempts: ${lastError}`);
}

/** Signs in over HTTP on one node; the session lives in PostgreSQL, so every node honours it. */
export async function signInOver(node: string, pseudonym: string, password: string): Promise<HttpIdentity> {
  const res = await fetch(`${node}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hearth-client': '1' },
    body: JSON.stringify({ pseudonym, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed on ${node}: ${res.status} ${await res.text()}`);
  const cookie = /hearth_sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error('sign-in answered without a session cookie');
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}
