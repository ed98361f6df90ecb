import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { disableScimInput } from "../provisioning/disable-scim";
import { consoleErrorSchema, createdTokenSchema, scimSettingsSchema } from "../provisioning/schemas";

// GET /api/openapi.json: generated from the zod schemas the SCIM console routes answer and
// validate with (lib/provisioning/schemas.ts, disable-scim.ts). Never written by hand.

export const API_KEY_SCHEME = "organizationApiKey";

function build() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", API_KEY_SCHEME, {
    type: "http",
    scheme: "bearer",
    bearerFormat: "orgkey_…",
    description:
      "An organization API key with the scim:manage scope (Organization Settings → Organization security → API keys). A console session cookie works too.",
  });
  // `.meta({ id })` names a component (zod 4 metadata): the schemas themselves stay untouched.
  const error = consoleErrorSchema.meta({ id: "Error" });
  const settings = scimSettingsSchema.meta({ id: "ScimSettings" });
  const created = createdTokenSchema.meta({ id: "CreatedToken" });
  const disableBody = disableScimInput.meta({ id: "DisableScim" });
  const orgId = z.object({ orgId: z.string().describe("The organization's id") });

  const errors = (codes: number[]) =>
    Object.fromEntries(
      codes.map((c) => [c, { description: ERROR_TEXT[c] ?? "Error", content: { "application/json": { schema: error } } }]),
    );
  const ok = (status: number, description: string, schema: z.ZodType) => ({
    [status]: { description, content: { "application/json": { schema } } },
  });
  const route = (r: Omit<RouteConfig, "security" | "tags">): RouteConfig => ({
    ...r,
    tags: ["SCIM provisioning"],
    security: [{ [API_KEY_SCHEME]: [] }],
  });
  const base = "/api/organizations/{orgId}/scim";

  registry.registerPath(
    route({
      method: "get",
      path: base,
      summary: "SCIM status, base URL and tokens",
      request: { params: orgId },
      responses: { ...ok(200, "Settings", settings), ...errors([401, 403, 404, 429]) },
    }),
  );
  registry.registerPath(
    route({
      method: "post",
      path: `${base}/enable`,
      summary: "Enable SCIM and create its first token (returned once)",
      request: { params: orgId },
      responses: { ...ok(201, "Enabled; the token", created), ...errors([401, 403, 404, 409, 429]) },
    }),
  );
  registry.registerPath(
    route({
      method: "post",
      path: `${base}/disable`,
      summary: "Disable SCIM and delete every token",
      request: { params: orgId, body: { required: true, content: { "application/json": { schema: disableBody } } } },
      responses: { ...ok(200, "Disabled", z.object({ enabled: z.literal(false) })), ...errors([400, 401, 403, 404, 409, 429]) },
    }),
  );
  registry.registerPath(
    route({
      method: "post",
      path: `${base}/tokens`,
      summary: "Create a token (at most two active; 409 otherwise), returned once",
      request: { params: orgId },
      responses: { ...ok(201, "The token", created), ...errors([401, 403, 404, 409, 429]) },
    }),
  );
  registry.registerPath(
    route({
      method: "delete",
      path: `${base}/tokens/{tokenId}`,
      summary: "Delete a token: it stops working at once",
      request: { params: orgId.extend({ tokenId: z.string() }) },
      responses: { ...ok(200, "Deleted", z.object({ deleted: z.literal(true) })), ...errors([401, 403, 404, 429]) },
    }),
  );

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "SCIM console API",
      version: "1.0.0",
      description: "Automatic user provisioning (SCIM) settings and tokens, for IAM managers' scripts. See docs/ROTATING-TOKENS.md.",
    },
  });
}

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input",
  401: "No valid session or API key (missing, unknown, deleted or expired key)",
  403: "No permission, or the API key lacks the scope",
  404: "No such organization (or another organization's), or no such token",
  409: "Conflict: SCIM already enabled/disabled, or two active tokens already",
  429: "Rate limited (Retry-After)",
};

let cached: ReturnType<typeof build> | undefined;
export const openApiDocument = () => (cached ??= build());
