import { z } from "zod";
import { isPostgresUrl } from "../db/dialect.mjs";

// How the text of one environment variable is read. Each rule pairs a zod schema with the
// words the start-up error uses for what is allowed, so the check and its message cannot drift.

export interface Rule<T> {
  /** Parses the variable's text (never blank: a blank variable counts as unset). */
  schema: z.ZodType<T, string>;
  /** Completes "it must be …". */
  allowed: string;
}

const rule = <T>(allowed: string, schema: z.ZodType<T, string>): Rule<T> => ({ allowed, schema });

/** Digits only: "1e3", "0x10", "5.0" and "-1" are typos here, not numbers. */
export const wholeNumber = (min: number, max: number, note = "") =>
  rule(
    `a whole number from ${min} to ${max}${note}`,
    z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().min(min).max(max)),
  );

/** Rates may be fractional (0.5 = one request every two seconds). */
export const decimalNumber = (min: number, max: number, note = "") =>
  rule(
    `a number from ${min} to ${max}${note}`,
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/)
      .transform(Number)
      .pipe(z.number().min(min).max(max)),
  );

/** Reverse proxies in front; true/false are accepted because they read naturally for the single-proxy case. */
export const proxyHops = rule(
  "a whole number of reverse proxies from 0 to 100, or true (= 1) or false (= 0)",
  z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(\d+|true|false)$/)
    .transform((s) => (s === "true" ? 1 : s === "false" ? 0 : Number(s)))
    .pipe(z.number().max(100)),
);

// URLs are not trimmed: the scripts outside Next (migrate, Prisma, NEXTAUTH_URL) read the raw text too.
const untrimmed = (s: string) => s === s.trim();

function isUrl(s: string, protocols: string[]): boolean {
  try {
    return untrimmed(s) && protocols.includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** Identity provider endpoints are https, except on loopback hosts (tests, local demo IdPs); lib/sso uses it. */
export const isHttpsOrLoopback = (s: string) => isUrl(s, ["https:"]) || (isUrl(s, ["http:"]) && LOOPBACK.has(new URL(s).hostname));

/** The public origin; trailing slashes are dropped so paths can be appended. */
export const httpUrl = rule(
  "an http:// or https:// URL such as https://console.example.com",
  z
    .string()
    .refine((s) => isUrl(s, ["http:", "https:"]))
    .transform((s) => s.replace(/\/+$/, "")),
);

export const databaseUrl = rule(
  "a SQLite file URL (file:…) or a PostgreSQL URL (postgresql://…)",
  z.string().refine((s) => untrimmed(s) && (/^file:.+/.test(s) || isPostgresUrl(s))),
);

/** Any text, taken as written. */
export const text = rule("any text", z.string());

export const minLength = (min: number, hint = "") => rule(`at least ${min} characters long${hint}`, z.string().min(min));

/** An SMTP server: smtp:// (STARTTLS when offered) or smtps:// (TLS from the start), user and password in the URL. */
export const smtpUrl = rule(
  "an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587",
  z.string().refine((s) => isUrl(s, ["smtp:", "smtps:"])),
);

/** A sender address, bare or with a display name: "Console <console@example.com>". */
export const mailbox = rule(
  "an email address, optionally with a name: Console <console@example.com>",
  z
    .string()
    .trim()
    .refine((s) => /^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(s)),
);
/** One of a fixed set of words, case-insensitive (read back in lower case). */
export const oneOf = <const W extends string>(words: readonly [W, ...W[]]) =>
  rule(`one of ${words.join(", ")}`, z.string().trim().toLowerCase().pipe(z.enum(words)));
