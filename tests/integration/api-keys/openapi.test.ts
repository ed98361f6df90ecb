// /api/openapi.json: generated from the routes' zod schemas; it must describe every SCIM
// console route the app has (found on disk, so a new route without a description fails here).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { baseUrl } from "../../helpers/server";

const SCIM_ROUTES = path.resolve(__dirname, "../../../app/api/organizations/[orgId]/scim");

/** Every (method, OpenAPI path) the route files under app/api/organizations/[orgId]/scim export. */
function routesOnDisk(dir = SCIM_ROUTES, prefix = "/api/organizations/{orgId}/scim"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return routesOnDisk(file, `${prefix}/${name.replace(/^\[(.+)\]$/, "{$1}")}`);
    if (name !== "route.ts") return [];
    const methods = [...readFileSync(file, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
    return methods.map((m) => `${m} ${prefix}`);
  });
}

interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
  requestBody?: { content: Record<string, { schema: unknown }> };
}

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3.1 JSON document listing every SCIM console route with the API key scheme", async () => {
    const res = await fetch(`${baseUrl()}/api/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const doc = JSON.parse(await res.text()) as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, Operation>>;
      components: { securitySchemes: Record<string, { type: string; scheme: string }>; schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(doc.components.securitySchemes.organizationApiKey).toMatchObject({ type: "http", scheme: "bearer" });

    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    const onDisk = routesOnDisk();
    expect(onDisk.length).toBe(5); // status, enable, disable, create token, delete token
    expect(documented.sort()).toEqual(onDisk.sort());

    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        expect(op.security, `${m} ${p}`).toEqual([{ organizationApiKey: [] }]);
        expect(Object.keys(op.responses), `${m} ${p}`).toEqual(expect.arrayContaining(["401", "404"]));
      }
    }
    // From the zod schemas: the disable body is the literal the route checks, the settings have the banners' fields.
    const disable = doc.paths["/api/organizations/{orgId}/scim/disable"]!.post!;
    expect(JSON.stringify(disable.requestBody)).toContain("DisableScim");
    expect(doc.components.schemas.DisableScim).toMatchObject({
      required: ["confirm"],
      properties: { confirm: { type: "string", enum: ["Disable"] } },
    });
    expect(doc.components.schemas.ScimSettings).toMatchObject({ required: expect.arrayContaining(["tokens", "expiry", "stopped"]) });
  });
});
