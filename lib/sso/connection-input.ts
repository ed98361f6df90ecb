import { z } from "zod";

// PUT /api/organizations/[orgId]/sso — shared by the route and the settings form.

export const USERNAME_CLAIMS = ["preferred_username", "upn", "email"] as const;
export type UsernameClaim = (typeof USERNAME_CLAIMS)[number];

const common = { enabled: z.boolean(), requireSso: z.boolean() };

export const samlInput = z.object({
  // Either the federation metadata XML, or the three values by hand (metadata wins when given).
  metadataXml: z
    .string()
    .max(512 * 1024)
    .optional(),
  entityId: z.string().trim().max(1000).optional(),
  ssoUrl: z.string().trim().max(2000).optional(),
  certificates: z.array(z.string().max(20_000)).max(2, "at most two signing certificates may be active").optional(),
  // Blank = the NameID carries the username.
  usernameAttribute: z.string().trim().max(500).nullable().optional(),
});

export const oidcInput = z.object({
  issuer: z.string().trim().min(1).max(2000),
  clientId: z.string().trim().min(1).max(500),
  // Write-only: omitted or blank keeps the stored secret.
  clientSecret: z.string().max(2000).optional(),
  usernameClaim: z.enum(USERNAME_CLAIMS).default("preferred_username"),
});

export const ssoConnectionInput = z.discriminatedUnion("protocol", [
  z.object({ protocol: z.literal("saml"), ...common, saml: samlInput }),
  z.object({ protocol: z.literal("oidc"), ...common, oidc: oidcInput }),
]);
export type SsoConnectionInput = z.infer<typeof ssoConnectionInput>;
