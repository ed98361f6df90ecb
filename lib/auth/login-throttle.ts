import { config } from "../config";
import { countRateLimited } from "../ops/metrics";
import { clientAddress } from "../security/client-address";
import { dbWindow } from "../security/fixed-window";

// Online password guessing: a few tries per account, more per address (offices share one).
const WINDOW_MS = 15 * 60 * 1000;
const MAX_PER_EMAIL = config.LOGIN_MAX_FAILURES_PER_EMAIL;
const MAX_PER_IP = config.LOGIN_MAX_FAILURES_PER_IP;

const keys = (email: string, ip: string) => ({ email: `login:email:${email.trim().toLowerCase()}`, ip: `login:ip:${ip}` });

export class LoginThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("TooManyAttempts");
  }
}

export async function assertLoginAllowed(email: string, ip: string): Promise<void> {
  const k = keys(email, ip);
  const [byEmail, byIp] = await Promise.all([dbWindow.peek(k.email, WINDOW_MS), dbWindow.peek(k.ip, WINDOW_MS)]);
  const refused = byEmail.count >= MAX_PER_EMAIL ? byEmail : byIp.count >= MAX_PER_IP ? byIp : null;
  if (refused) {
    countRateLimited("console_login");
    throw new LoginThrottledError(refused.retryAfter);
  }
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  const k = keys(email, ip);
  await dbWindow.hit(k.email, WINDOW_MS);
  await dbWindow.hit(k.ip, WINDOW_MS);
}

export async function clearLoginFailures(email: string): Promise<void> {
  await dbWindow.clear(keys(email, "").email);
}

/** The client address (see lib/security/client-address.ts: trusts X-Forwarded-For only as far as TRUST_PROXY says). */
export function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const h = new Headers();
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(", ") : v);
  return clientAddress(h);
}
