import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable Hearth reads. This module is the only reader of process.env. */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  HEARTH_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** Names this node in logs and in Redis presence when several run together; random when unset. */
  HEARTH_NODE_ID: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ only (at most 40)').optional(),
  /** 32-byte key (base64 or hex) for encrypting sensitive fields. Generated into the data dir when unset. */
  HEARTH_ENCRYPTION_KEY: z.string().min(32).optional(),
  HEARTH_SEED_DEMO: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  WEB_DIST_DIR: z.string().optional(),
  /** Outgoing e-mail (reminders, notifications). Unset: no e-mail is sent. `smtp://user:pass@host:587` or `smtps://…`. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('Hearth <no-reply@localhost>'),
  /** Web Push VAPID keys (base64url). Unset: a key pair is generated on first boot and kept in the database. */
  VAPID_PUBLIC_KEY: z.string().min(40).optional(),
  VAPID_PRIVATE_KEY: z.string().min(40).optional(),
  /** Contact for push services: a mailto: or https: address. Defaults to PUBLIC_URL. */
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, 'must start with mailto: or https://').optional(),
  /**
   * Optional language-model adapter for the intake assistant: an OpenAI-compatible chat-completions base URL (e.g. a
   * local model server, `http://127.0.0.1:8080/v1`). Unset (the default): the assistant is fully scripted and nothing
   * leaves the server. Every generated reply passes the safety and safe-messaging checks before it is shown.
   */
  INTAKE_LLM_URL: z.url().optional(),
  INTAKE_LLM_MODEL: z.string().min(1).default('local-model'),
  INTAKE_LLM_API_KEY: z.string().min(1).optional(),
  /** How long an on-demand one-to-one request waits for a peer supporter before it goes to the on-call team. */
  MATCHING_REQUEST_WAIT_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /** Connections each node keeps to PostgreSQL (bench:fanout showed no gain above 10 on 2 cores). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long a chat message's mood analysis waits to be stored with others in one statement (ms; 0 = next tick). */
  MOOD_BATCH_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** How often each node re-reads the sessions and room access behind its live sockets (a revoke that did not arrive). */
  REALTIME_RECHECK_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
});

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string };

/** Thrown with every problem at once, so a bad deploy is fixed in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Hearth cannot start: the configuration has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  }
}

/** Parses the environment once; a bad value stops the boot with a list of every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.HEARTH_DATA_DIR) };
}
