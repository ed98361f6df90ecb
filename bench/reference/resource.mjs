// Shared by both reference servers: the same prepared queries and JSON shape as a SCIM answer.
import Database from "better-sqlite3";

export function openQueries(file) {
  const db = new Database(file, { readonly: true });
  const cols = `"id", "userName", "externalId", "locked", "scimAttributes", "createdAt", "updatedAt", "version"`;
  return {
    byUserName: db.prepare(`SELECT ${cols} FROM "Member" WHERE "organizationId" = ? AND "userNameLower" = ? AND "scimManaged" = 1`),
    byId: db.prepare(`SELECT ${cols} FROM "Member" WHERE "id" = ? AND "organizationId" = ? AND "scimManaged" = 1`),
  };
}

const iso = (v) => new Date(typeof v === "number" ? v : v).toISOString();

export function toResource(row, base) {
  const attrs = JSON.parse(row.scimAttributes ?? "{}");
  return {
    ...attrs,
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    id: row.id,
    userName: row.userName,
    externalId: row.externalId ?? undefined,
    active: !row.locked,
    meta: {
      resourceType: "User",
      created: iso(row.createdAt),
      lastModified: iso(row.updatedAt),
      location: `${base}/Users/${row.id}`,
      version: `W/"${row.version}"`,
    },
  };
}

/** Answers GET /Users?filter=userName eq "…" and GET /Users/<id>; returns [status, body]. */
export function answer(q, orgId, rest, search, base) {
  if (rest.length === 1 && rest[0] === "Users") {
    const m = /^userName eq "(.*)"$/.exec(search.get("filter") ?? "");
    const rows = m ? q.byUserName.all(orgId, m[1].toLowerCase()) : [];
    return [
      200,
      {
        schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        totalResults: rows.length,
        startIndex: 1,
        itemsPerPage: rows.length,
        Resources: rows.map((r) => toResource(r, base)),
      },
    ];
  }
  if (rest.length === 2 && rest[0] === "Users") {
    const row = q.byId.get(rest[1], orgId);
    return row
      ? [200, toResource(row, base)]
      : [404, { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "404", detail: "not found" }];
  }
  return [404, { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "404", detail: "not found" }];
}
