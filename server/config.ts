/**
 * Server configuration: the contract's environment variables over an optional
 * JSON config file over defaults. Everything else reads the resulting `Config`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { type Lang, LANGUAGES } from './i18n/languages.js';
import { LOG_LEVELS, type LogLevel } from './log.js';
import { SITE_ID_PATTERN } from './site-id.js';

export type Moderation = 'none' | 'first-time' | 'all';

const httpUrl = z
  .string()
  .url()
  .refine((url) => /^https?:$/.test(new URL(url).protocol), 'must be an http or https URL');

/** A static-site build hook (Netlify, Vercel, Cloudflare Pages, GitHub repository_dispatch) called after public comments change. */
const deployHookSchema = z.object({
  url: httpUrl,
  /** Quiet time after the latest change before the call; also the least time between two calls. */
  debounceSeconds: z.number().min(0).max(86_400).default(60),
  /** Extra request headers, e.g. `Authorization` for GitHub. */
  headers: z.record(z.string(), z.string()).optional(),
  /** The request body: an object is sent as JSON, a string as it is. Default: none (GitHub dispatch URLs: `{"event_type":"kommentar"}`). */
  body: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  timeoutSeconds: z.number().positive().max(300).default(10),
});

/** A browser origin such as "https://blog.example": a scheme is required (a path is reported by `kommentar check`). */
const originSchema = z.string().refine((value) => /^https?:\/\/[^/]/i.test(value) && URL.canParse(value), {
  error: (issue) => `"${String(issue.input)}" is not an origin: write it with its scheme, e.g. "https://${String(issue.input).replace(/^[a-z]+:\/*/i, '').split('/')[0] || 'blog.example'}"`,
});

const siteSchema = z.object({
  id: z.string().regex(SITE_ID_PATTERN, 'site ids are letters, digits, "-" and "_"'),
  title: z.string().max(200).optional(),
  origins: z.array(originSchema).default([]),
  moderation: z.enum(['none', 'first-time', 'all']).default('none'),
  authorEmails: z.array(z.string().email()).default([]),
  /** Display name shown on the author's comments. */
  authorName: z.string().max(80).default('Author'),
  /** The site's language: what readers get when neither the page nor their browser names one Kommentar speaks. */
  lang: z.enum(LANGUAGES as [Lang, ...Lang[]]).default('en'),
  /** Where a no-JavaScript form post lands: the page itself, or the server's own thread page. */
  formRedirect: z.enum(['page', 'thread']).default('page'),
  /** Whether `GET /api/v1/report/public` answers for this site (aggregate numbers, no names). */
  publicReport: z.boolean().default(true),
  deployHooks: z.array(deployHookSchema).default([]),
  /** The author's own profiles elsewhere (blog, Mastodon, …): replies from elsewhere by these are the author's. */
  authorUrls: z.array(z.string().url()).default([]),
});

const smtpSchema = z.object({
  host: z.string(),
  port: z.number().int().positive().default(587),
  secure: z.boolean().default(false),
  user: z.string().optional(),
  pass: z.string().optional(),
  from: z.string(),
  /** Where "new comment" notices for the author go. */
  authorAddress: z.string().email().optional(),
  /** Accept self-signed certificates (local test servers only). */
  allowInsecureTls: z.boolean().default(false),
});

const webhookSchema = z.object({
  url: z.string().url(),
  secret: z.string().min(16),
  timeoutMs: z.number().int().positive().default(5000),
  /** Permit loopback and private addresses (tests, a receiver on the same host). */
  allowPrivateAddresses: z.boolean().default(false),
});

/** The JSON config file (every key optional); `kommentar check` also walks it to find keys it does not know. */
export const configFileSchema = z.object({
  sites: z.array(siteSchema).min(1).optional(),
  /** Public base URL of the comment server, used in emails, feeds and redirects. */
  publicUrl: z.string().url().optional(),
  editWindowMinutes: z.number().positive().default(15),
  /** Trust the left-most hop set by one reverse proxy in X-Forwarded-For. */
  trustProxy: z.boolean().default(false),
  /** scrypt hash of the desk password, written by `kommentar set-password`. */
  adminPasswordHash: z.string().optional(),
  smtp: smtpSchema.optional(),
  webhook: webhookSchema.optional(),
  /** Let every outbound request (webhook, deploy hooks, Webmention sources, Mastodon, Bluesky) reach loopback and private addresses: tests and closed networks only. */
  allowPrivateAddresses: z.boolean().default(false),
  /** Folder of a built static site to serve beside the API (the example blog). */
  staticRoot: z.string().optional(),
  bluesky: z.object({ appView: z.string().url().default('https://public.api.bsky.app') }).default({ appView: 'https://public.api.bsky.app' }),
});

export type SiteConfig = z.infer<typeof siteSchema>;
export type SmtpConfig = z.infer<typeof smtpSchema>;
export type WebhookConfig = z.infer<typeof webhookSchema>;
export type DeployHookConfig = z.infer<typeof deployHookSchema>;

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** True when publicUrl was derived from host and port rather than configured. */
  publicUrlDerived: boolean;
  dbUrl: string;
  dbAuthToken: string | undefined;
  /** Folder for the generated secret and the default database. */
  dataDir: string;
  /** Path of the config file in use, if any (the CLI writes the password hash there). */
  configPath: string | undefined;
  secret: string | undefined;
  adminToken: string | undefined;
  adminPasswordHash: string | undefined;
  /** Comments per minute per client; 0 turns the limit off. */
  rateLimit: number;
  editWindowMs: number;
  trustProxy: boolean;
  sites: SiteConfig[];
  smtp: SmtpConfig | undefined;
  webhook: WebhookConfig | undefined;
  allowPrivateAddresses: boolean;
  /** KOMMENTAR_LOG_LEVEL: error, warn, info (one line per request and delivery) or debug. */
  logLevel: LogLevel;
  staticRoot: string | undefined;
  bluesky: { appView: string };
}

/** A configuration problem the operator must fix; the CLI prints it without a stack. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEFAULT_DB_URL = 'file:./data/kommentar.db';

function parseIntEnv(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number ≥ 0, got "${raw}"`);
  return value;
}

function parseLogLevel(raw: string | undefined): LogLevel {
  if (raw === undefined || raw === '') return 'info';
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase());
  if (!level) throw new ConfigError(`KOMMENTAR_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
}

function readConfigFile(path: string): z.infer<typeof configFileSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read config file ${path}: ${(error as Error).message}`);
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`config file ${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Folder of a `file:` database URL, where the generated secret lives too. */
export function dataDirFor(dbUrl: string): string {
  if (!dbUrl.startsWith('file:')) return resolve('data');
  return dirname(resolve(dbUrl.slice('file:'.length).replace(/^\/\/(?=\/)/, '')));
}

/** Loads the configuration from `env` (default `process.env`). */
/** The config file in use: KOMMENTAR_CONFIG (which must exist), else ./kommentar.config.json if present. */
export function configFilePath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicitPath = env.KOMMENTAR_CONFIG;
  if (!explicitPath) return existsSync('kommentar.config.json') ? resolve('kommentar.config.json') : undefined;
  const path = resolve(explicitPath);
  if (!existsSync(path)) throw new ConfigError(`KOMMENTAR_CONFIG points to ${path}, which does not exist`);
  return path;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const configPath = configFilePath(env);
  const file = configPath ? readConfigFile(configPath) : configFileSchema.parse({});

  const port = parseIntEnv('PORT', env.PORT, 8787);
  const host = env.HOST || '127.0.0.1';
  const publicUrl = (env.KOMMENTAR_PUBLIC_URL || file.publicUrl || `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${port}`).replace(/\/$/, '');
  const sites = file.sites ?? [siteSchema.parse({ id: 'example', title: 'Example blog', origins: ['http://localhost:8787', 'http://127.0.0.1:8787'] })];
  const ids = new Set<string>();
  for (const site of sites) {
    if (ids.has(site.id)) throw new ConfigError(`site "${site.id}" is configured twice`);
    ids.add(site.id);
  }
  // KOMMENTAR_DATA_DIR (the container's /data) holds the secret and, unless KOMMENTAR_DB_URL says otherwise, the database.
  const dataDirSetting = env.KOMMENTAR_DATA_DIR ? resolve(env.KOMMENTAR_DATA_DIR) : undefined;
  const dbUrl = env.KOMMENTAR_DB_URL || (dataDirSetting ? `file:${join(dataDirSetting, 'kommentar.db')}` : DEFAULT_DB_URL);

  return {
    port,
    host,
    publicUrl,
    publicUrlDerived: !(env.KOMMENTAR_PUBLIC_URL || file.publicUrl),
    dbUrl,
    dbAuthToken: env.KOMMENTAR_DB_AUTH_TOKEN || undefined,
    dataDir: dataDirSetting ?? dataDirFor(dbUrl),
    configPath,
    secret: env.KOMMENTAR_SECRET || undefined,
    adminToken: env.KOMMENTAR_ADMIN_TOKEN || undefined,
    adminPasswordHash: env.KOMMENTAR_ADMIN_PASSWORD_HASH || file.adminPasswordHash,
    rateLimit: parseIntEnv('KOMMENTAR_RATE_LIMIT', env.KOMMENTAR_RATE_LIMIT, 10),
    editWindowMs: file.editWindowMinutes * 60_000,
    trustProxy: env.KOMMENTAR_TRUST_PROXY ? env.KOMMENTAR_TRUST_PROXY === '1' : file.trustProxy,
    sites,
    smtp: file.smtp,
    webhook: file.webhook,
    allowPrivateAddresses: file.allowPrivateAddresses,
    logLevel: parseLogLevel(env.KOMMENTAR_LOG_LEVEL),
    staticRoot: env.KOMMENTAR_STATIC_ROOT || file.staticRoot,
    bluesky: { appView: file.bluesky.appView.replace(/\/$/, '') },
  };
}

export function findSite(config: Config, id: string): SiteConfig | undefined {
  return config.sites.find((site) => site.id === id);
}
