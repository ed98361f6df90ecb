import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { logger } from "./logger";
import { nextTokenExpiries } from "./token-expiry";

// The process's Prometheus registry (GET /metrics, docs/OPERATIONS.md). One per process:
// Next loads a module once per bundle (each route, instrumentation), so it lives on globalThis,
// or each copy would count on its own and the scrape would see one of them.

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const DAY_MS = 86_400_000;

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const on = { registers: [registry] };
  return {
    registry,
    scimRequests: new Counter({
      name: "scim_requests_total",
      help: "SCIM API requests answered, by method, resource, status and scimType.",
      labelNames: ["method", "resource", "status", "scim_type"] as const,
      ...on,
    }),
    scimDuration: new Histogram({
      name: "scim_request_duration_seconds",
      help: "Time to answer a SCIM API request.",
      labelNames: ["method", "resource"] as const,
      buckets: BUCKETS,
      ...on,
    }),
    consoleRequests: new Counter({
      name: "console_api_requests_total",
      help: "Console API requests answered, by method, route pattern and status.",
      labelNames: ["method", "route", "status"] as const,
      ...on,
    }),
    consoleDuration: new Histogram({
      name: "console_api_request_duration_seconds",
      help: "Time to answer a console API request.",
      labelNames: ["method", "route"] as const,
      buckets: BUCKETS,
      ...on,
    }),
    scimAuthFailures: new Counter({
      name: "scim_auth_failures_total",
      help: "SCIM requests refused at authentication, by reason and organization (the URL's, when it exists).",
      labelNames: ["reason", "organization_id"] as const,
      ...on,
    }),
    rateLimited: new Counter({
      name: "rate_limited_total",
      help: "Requests refused by a rate limit (429), by limiter.",
      labelNames: ["limiter"] as const,
      ...on,
    }),
    databaseUnavailable: new Counter({
      name: "database_unavailable_total",
      help: "Answers given because the database was unavailable (503), by face.",
      labelNames: ["face"] as const,
      ...on,
    }),
    readinessFailures: new Counter({
      name: "readiness_failures_total",
      help: "GET /api/ready answers of 503, by reason.",
      labelNames: ["reason"] as const,
      ...on,
    }),
    tokenExpiry: new Gauge({
      name: "scim_token_next_expiry_days",
      help: "Days until the organization's next SCIM token expiry (0 when SCIM is enabled and no token is valid), read at scrape time.",
      labelNames: ["organization_id"] as const,
      ...on,
      async collect() {
        const now = Date.now();
        this.reset();
        // A scrape during a database outage still reports every other metric.
        const rows = await nextTokenExpiries(new Date(now)).catch((err: unknown) => {
          logger.warn({ err }, "Metrics: could not read the token expiries");
          return [];
        });
        for (const { organizationId, expiresAt } of rows)
          this.set({ organization_id: organizationId }, expiresAt ? Math.max(0, (expiresAt.getTime() - now) / DAY_MS) : 0);
      },
    }),
  };
}

export type Metrics = ReturnType<typeof create>;
const globalForMetrics = globalThis as unknown as { __metrics?: Metrics };
export const metrics: Metrics = globalForMetrics.__metrics ?? (globalForMetrics.__metrics = create());

export type RateLimiter = "scim_address" | "scim_token" | "console_login";
export const countRateLimited = (limiter: RateLimiter): void => metrics.rateLimited.inc({ limiter });
export const countDatabaseUnavailable = (face: "scim" | "console" | "page"): void => metrics.databaseUnavailable.inc({ face });
