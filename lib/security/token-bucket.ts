// In-memory token buckets, one per key (a SCIM token id, a client address). Each request is
// O(1): one Map lookup and a little arithmetic, no I/O. The state lives in this process
// only: with N instances behind a load balancer a key gets up to N times the budget
// (SECURITY.md explains why that is the right trade-off for these limits).

export interface BucketOptions {
  /** Tokens added per second; 0 or less turns the limiter off. */
  ratePerSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet period. */
  burst: number;
  /** Keys kept at most; the least recently used one is forgotten beyond this. */
  maxKeys?: number;
}

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

const OK: TakeResult = Object.freeze({ ok: true });

interface Bucket {
  tokens: number;
  at: number; // ms timestamp of the last refill
}

const DEFAULT_MAX_KEYS = 10_000;

/** Map order is insertion order: delete + set moves a key to the newest end, so the first key is the least recently used (LRU in O(1)). */
function remember<V>(map: Map<string, V>, key: string, value: V, maxKeys: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > maxKeys) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxKeys: number;

  constructor(private readonly options: BucketOptions) {
    this.maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  }

  get enabled(): boolean {
    return this.options.ratePerSecond > 0 && this.options.burst > 0;
  }

  /** Spends one token for `key`, or says how long until one is available. */
  take(key: string, now?: number): TakeResult {
    return this.spend(key, now, true);
  }

  /** Whether `key` could spend a token now, without spending it. */
  peek(key: string, now?: number): TakeResult {
    return this.spend(key, now, false);
  }

  /** How many keys are tracked (for tests: the map never grows past maxKeys). */
  get size(): number {
    return this.buckets.size;
  }

  // Every SCIM request peeks at its address and takes from its token: the common answers (off,
  // an address never refused) return before reading the clock or allocating anything.
  private spend(key: string, now: number | undefined, consume: boolean): TakeResult {
    if (!this.enabled) return OK;
    const known = this.buckets.get(key);
    // A peek at an unknown key must not create one (it would let lookups fill the map), and a
    // new bucket is full.
    if (!known && !consume) return OK;
    const bucket = this.refill(known, now ?? Date.now());
    if (bucket.tokens >= 1) {
      if (consume) bucket.tokens -= 1;
      remember(this.buckets, key, bucket, this.maxKeys);
      return OK;
    }
    remember(this.buckets, key, bucket, this.maxKeys);
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.options.ratePerSecond)) };
  }

  /** A bucket never holds more than `burst`: a long quiet period does not bank a flood. */
  private refill(bucket: Bucket | undefined, now: number): Bucket {
    const { ratePerSecond, burst } = this.options;
    if (!bucket) return { tokens: burst, at: now };
    const elapsed = Math.max(0, now - bucket.at) / 1000;
    return { tokens: Math.min(burst, bucket.tokens + elapsed * ratePerSecond), at: now };
  }
}

/** At most one `true` per key per interval: keeps the audit log from being flooded. */
export class OncePer {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
  ) {}

  due(key: string, now = Date.now()): boolean {
    const previous = this.last.get(key);
    if (previous !== undefined && now - previous < this.intervalMs) return false;
    remember(this.last, key, now, this.maxKeys);
    return true;
  }
}
