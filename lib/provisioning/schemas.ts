import { z } from "zod";

// The console API's SCIM shapes as zod schemas: the routes answer with them, the client takes
// its types from them, and /api/openapi.json is generated from them (lib/openapi/).

export const clientKindSchema = z.enum(["entra", "okta", "other"]);

export const tokenInfoSchema = z.object({
  id: z.string(),
  prefix: z.string().describe('First characters of the token, e.g. "scim_ab12cd"; the token itself is never returned again.'),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  lastUsedClient: clientKindSchema.nullable().describe("Identity provider that last used the token, from its User-Agent."),
  lastUsedAddress: z.string().nullable(),
  createdBy: z.string().nullable(),
  status: z.enum(["active", "expired"]),
  expiresSoon: z.boolean(),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

export const expiryThresholdSchema = z.enum(["30d", "7d", "1d", "expired"]);
export type ExpiryThreshold = z.infer<typeof expiryThresholdSchema>;

export const expiryWarningSchema = z.object({
  threshold: expiryThresholdSchema,
  tokenId: z.string(),
  prefix: z.string(),
  expiresAt: z.iso.datetime(),
});
export type ExpiryWarning = z.infer<typeof expiryWarningSchema>;

export const rejectedRequestSchema = z.object({
  at: z.iso.datetime(),
  status: z.number().int().nullable(),
  detail: z.string().nullable(),
  request: z.string().nullable(),
});

export const provisioningStoppedSchema = z.object({
  lastRejected: rejectedRequestSchema.nullable().describe("The identity provider's last refused request, when there is one."),
});
export type ProvisioningStopped = z.infer<typeof provisioningStoppedSchema>;

export const scimSettingsSchema = z.object({
  enabled: z.boolean(),
  enabledAt: z.iso.datetime().nullable(),
  baseUrl: z.string(),
  maxActiveTokens: z.number().int(),
  tokens: z.array(tokenInfoSchema),
  expiry: expiryWarningSchema.nullable().describe("Set 30, 7 and 1 days before the last active token expires, and once it has."),
  stopped: provisioningStoppedSchema.nullable().describe("Set while SCIM is enabled and no active token remains."),
});
export type ScimSettings = z.infer<typeof scimSettingsSchema>;

export const createdTokenSchema = z.object({
  token: z.string().describe("The SCIM token: returned only in this response."),
  baseUrl: z.string(),
  tokenInfo: tokenInfoSchema,
});

export const consoleErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
