/**
 * `kommentar check`: reads the config file and the environment the way the
 * server would and says, one line each, what is wrong (exit 2) or risky
 * (a warning, exit 0). Nothing is created or changed: a missing database or
 * secret is reported, not made.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, configFilePath, configFileSchema, loadConfig, type Config } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { latestVersion, schemaVersion } from '../db/migrations.js';

export interface Finding {
  level: 'error' | 'warning';
  message: string;
}

/** Secrets shorter than this are guessable enough to forge commenter keys and signatures. */
const MIN_SECRET_LENGTH = 32;

/** Config keys the schema does not know (a typo such as "orgins" would otherwise be ignored silently). */
export function unknownKeys(schema: z.ZodType, value: unknown, path: string): string[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return unknownKeys(schema.unwrap() as z.ZodType, value, path);
  if (schema instanceof z.ZodArray && Array.isArray(value)) return value.flatMap((item, i) => unknownKeys(schema.element as z.ZodType, item, `${path}[${i}]`));
  if (!(schema instanceof z.ZodObject) || typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const shape = schema.shape as Record<string, z.ZodType>;
  return Object.entries(value).flatMap(([key, child]) => {
    const at = path ? `${path}.${key}` : key;
    return key in shape ? unknownKeys(shape[key]!, child, at) : [at];
  });
}

function configFileFindings(path: string): Finding[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return []; // loadConfig reports an unreadable file with its reason.
  }
  return unknownKeys(configFileSchema, raw, '').map((key) => ({ level: 'error', message: `${path}: unknown key "${key}" (a typo? it is ignored)` }));
}

function siteFindings(config: Config): Finding[] {
  const findings: Finding[] = [];
  const httpsOrigins = config.sites.some((site) => site.origins.some((origin) => origin.startsWith('https:')));
  for (const site of config.sites) {
    if (site.origins.length === 0) findings.push({ level: 'warning', message: `site "${site.id}" has no origins: only pages served by the comment server itself can post` });
    for (const origin of site.origins) {
      const url = new URL(origin);
      if (url.pathname !== '/' || url.search || url.hash) {
        findings.push({ level: 'error', message: `site "${site.id}": origin "${origin}" has a path; an origin is only scheme, host and port: "${url.origin}"` });
      }
    }
  }
  if (httpsOrigins && config.publicUrl.startsWith('http:')) {
    findings.push({
      level: 'error',
      message: `publicUrl is ${config.publicUrl}${config.publicUrlDerived ? ' (not set)' : ''} while origins are https: browsers block the widget from an http server; set "publicUrl" (or KOMMENTAR_PUBLIC_URL) to the server's https address`,
    });
  }
  if (!config.adminPasswordHash) findings.push({ level: 'warning', message: 'no desk password: /admin cannot be used until you run `kommentar set-password`' });
  return findings;
}

function smtpFindings(config: Config): Finding[] {
  const smtp = config.smtp;
  if (!smtp) return [];
  const findings: Finding[] = [];
  if (Boolean(smtp.user) !== Boolean(smtp.pass)) findings.push({ level: 'error', message: `smtp: "${smtp.user ? 'user' : 'pass'}" is set without "${smtp.user ? 'pass' : 'user'}"` });
  if (!smtp.authorAddress) findings.push({ level: 'warning', message: 'smtp: no "authorAddress": you get no email about new and pending comments' });
  if (smtp.allowInsecureTls) findings.push({ level: 'warning', message: 'smtp: "allowInsecureTls" accepts any certificate (meant for local test servers)' });
  return findings;
}

function secretFindings(config: Config): Finding[] {
  const path = join(config.dataDir, 'secret');
  const secret = config.secret ?? (existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined);
  const source = config.secret ? 'KOMMENTAR_SECRET' : path;
  if (secret === undefined) return [{ level: 'warning', message: `no secret yet: the server generates one into ${path} on first start; keep and back it up, commenter keys depend on it` }];
  if (secret.length < MIN_SECRET_LENGTH) return [{ level: 'error', message: `the secret in ${source} is ${secret.length} characters; use at least ${MIN_SECRET_LENGTH} (e.g. openssl rand -base64 32)` }];
  return [];
}

async function databaseFindings(config: Config): Promise<Finding[]> {
  if (config.dbUrl.startsWith('file:')) {
    const path = resolve(config.dbUrl.slice('file:'.length));
    if (!existsSync(path)) return [{ level: 'warning', message: `no database yet at ${path}: the server creates it on first start` }];
  }
  let db;
  try {
    db = await openDatabase(config.dbUrl, config.dbAuthToken);
    const version = await schemaVersion(db);
    if (version > latestVersion) {
      return [{ level: 'error', message: `the database ${config.dbUrl} is at schema version ${version}, newer than this Kommentar (${latestVersion}): upgrade Kommentar` }];
    }
    return [];
  } catch (error) {
    const err = error as Error & { cause?: { message?: string } };
    const reason = [err.message, err.cause?.message].filter(Boolean).join(': ').split('\n')[0];
    return [{ level: 'error', message: `the database ${config.dbUrl} cannot be reached: ${reason}` }];
  } finally {
    db?.close();
  }
}

/** Everything `kommentar check` finds for this environment, errors and warnings in the order they are checked. */
export async function checkSetup(env: NodeJS.ProcessEnv): Promise<Finding[]> {
  let config: Config;
  const findings: Finding[] = [];
  try {
    const path = configFilePath(env);
    if (path) findings.push(...configFileFindings(path));
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [...findings, { level: 'error', message: error.message }];
  }
  return [...findings, ...siteFindings(config), ...smtpFindings(config), ...secretFindings(config), ...(await databaseFindings(config))];
}

export async function checkCommand(argv: string[]): Promise<number> {
  parseArgs({ args: argv, options: {}, strict: true });
  const findings = await checkSetup(process.env);
  for (const finding of findings) console.log(`${finding.level}: ${finding.message}`);
  const errors = findings.filter((finding) => finding.level === 'error').length;
  const warnings = findings.length - errors;
  if (errors > 0) {
    console.error(`kommentar check: ${errors} ${errors === 1 ? 'problem' : 'problems'} to fix${warnings ? `, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}`);
    return 2;
  }
  console.log(warnings ? `all good, with ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} above` : 'all good');
  return 0;
}
