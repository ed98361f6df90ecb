import { db } from "../db";
import { AppError } from "../errors";
import { TokenBuckets } from "../security/token-bucket";
import { API_KEY_PATTERN, hashApiKey, hashesEqual } from "./key-secret";
import type { ApiKeyScope } from "./schemas";

// `Authorization: Bearer <organization API key>` on the console API's SCIM routes. Checked
// in full on every call (organization, deletion, expiry, scope), so a deleted or expired key
// is refused on the very next request, on every instance.

export interface ApiKeyCaller {
  id: string;
  prefix: string;
  organizationId: string;
}

/** Per key, per instance (like the SCIM token limit): scripts poll, they do not flood. */
export const API_KEY_RATE = { ratePerSecond: 10, burst: 30 };
const buckets = new TokenBuckets(API_KEY_RATE);
const LAST_USED_THROTTLE_MS = 60_000;

export class ApiKeyThrottled extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", `Too many requests with this API key. Try again in ${retryAfterSeconds} s.`);
  }
}

export const presentsBearer = (headers: Headers): boolean => /^Bearer\s/i.test(headers.get("authorization") ?? "");

const invalid = () => new AppError("unauthenticated", "The API key is not valid.");

export async function authenticateApiKey(
  authorization: string | null,
  orgId: string,
  scope: ApiKeyScope,
  now = new Date(),
): Promise<ApiKeyCaller> {
  const key = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (!key || !API_KEY_PATTERN.test(key)) throw invalid();
  const hash = hashApiKey(key);
  // Before any database work: a flood with one key costs nothing but this.
  const taken = buckets.take(hash, now.getTime());
  if (!taken.ok) throw new ApiKeyThrottled(taken.retryAfterSeconds);

  // Found by the hash of the whole key (unique index), then compared in constant time.
  const row = await db.apiKey.findUnique({
    where: { hash },
    select: { id: true, hash: true, prefix: true, organizationId: true, scope: true, expiresAt: true, deletedAt: true, lastUsedAt: true },
  });
  if (!row || !hashesEqual(row.hash, hash)) throw invalid();
  // Another organization's URL: the same 404 a session gets, never a hint that it exists.
  if (row.organizationId !== orgId) throw new AppError("not_found", "This organization does not exist.");
  if (row.deletedAt) throw new AppError("unauthenticated", "This API key has been deleted.");
  if (row.expiresAt.getTime() <= now.getTime())
    throw new AppError("unauthenticated", "This API key has expired. Create a new one under Organization security → API keys.");
  if (!row.scope.split(" ").includes(scope)) throw new AppError("forbidden", `This API key does not have the ${scope} scope.`);

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_THROTTLE_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { id: row.id, prefix: row.prefix, organizationId: row.organizationId };
}
