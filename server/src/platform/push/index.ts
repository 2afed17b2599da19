import webpush from 'web-push';

/** A browser's push subscription as PushManager.subscribe() gives it (keys are base64url). */
export type PushTarget = { endpoint: string; keys: { p256dh: string; auth: string } };

export type VapidKeys = { publicKey: string; privateKey: string };

/** What the push service answered: `gone` means the subscription no longer exists and should be forgotten. */
export type PushResult = { ok: boolean; status: number; gone: boolean };

export type PushSender = {
  publicKey: string;
  send(target: PushTarget, payload: string, options?: { ttlSeconds?: number; urgency?: 'low' | 'normal' | 'high'; topic?: string }): Promise<PushResult>;
};

/** A new VAPID key pair (P-256), base64url. */
export function generateVapidKeys(): VapidKeys {
  return webpush.generateVAPIDKeys();
}

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and an aes128gcm-encrypted payload (RFC 8291). `web-push` builds the
 * signed, encrypted request; it is sent with fetch, with a timeout, so a slow push service never holds a job for long.
 */
export function createPushSender(options: { vapid: VapidKeys; subject: string; timeoutMs?: number }): PushSender {
  const { vapid, subject } = options;
  return {
    publicKey: vapid.publicKey,
    async send(target, payload, opts = {}) {
      const details = webpush.generateRequestDetails(target, payload, {
        vapidDetails: { subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
        contentEncoding: 'aes128gcm',
        TTL: opts.ttlSeconds ?? 24 * 3600,
        urgency: opts.urgency ?? 'normal',
        ...(opts.topic ? { topic: opts.topic } : {}),
      });
      // fetch sets Content-Length itself from the body.
      const headers = Object.fromEntries(Object.entries(details.headers).filter(([k]) => k.toLowerCase() !== 'content-length').map(([k, v]) => [k, String(v)]));
      const response = await fetch(details.endpoint, {
        method: 'POST',
        headers,
        body: details.body ? new Uint8Array(details.body) : undefined,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        redirect: 'error',
      });
      await response.arrayBuffer().catch(() => undefined);
      return { ok: response.status >= 200 && response.status < 300, status: response.status, gone: response.status === 404 || response.status === 410 };
    },
  };
}
