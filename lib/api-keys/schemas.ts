import { z } from "zod";
import { MAX_API_KEY_DAYS } from "./key-constants";

// Shared by the API keys form, its routes and /api/openapi.json.

export const API_KEY_SCOPES = ["scim:manage"] as const;
export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(100, "At most 100 characters"),
  scope: apiKeyScopeSchema.default("scim:manage"),
  expiresInDays: z.number().int().min(1).max(MAX_API_KEY_DAYS, `An API key lives at most ${MAX_API_KEY_DAYS} days`),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const apiKeyInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scope: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.string().nullable(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  status: z.enum(["active", "expired"]),
});
export type ApiKeyInfo = z.infer<typeof apiKeyInfoSchema>;

export const createdApiKeySchema = z.object({
  key: z.string().describe("The API key: returned only in this response."),
  apiKey: apiKeyInfoSchema,
});
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
