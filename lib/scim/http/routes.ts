import { discoveryRoute } from "./discovery-routes";
import { groupRoute, groupsRoute } from "./group-routes";
import { isStorableText, storableText } from "./json-limits";
import { userRoute, usersRoute } from "./user-routes";
import type { Handler } from "./types";

type Route = Partial<Record<string, Handler>>;

// First path segment (case-insensitive) → handlers by method, for `/<segment>` and `/<segment>/<id>`.
const COLLECTIONS: Record<string, { collection: Route; item?: Route }> = {
  users: { collection: usersRoute, item: userRoute },
  groups: { collection: groupsRoute, item: groupRoute },
  serviceproviderconfig: { collection: discoveryRoute.serviceProviderConfig },
  // Microsoft's reference implementation and test tools read it under this name.
  serviceconfiguration: { collection: discoveryRoute.serviceProviderConfig },
  resourcetypes: { collection: discoveryRoute.resourceTypes, item: discoveryRoute.resourceTypes },
  schemas: { collection: discoveryRoute.schemas, item: discoveryRoute.schemas },
};

export type Resolved = { handler: Handler; id?: string } | { status: 404 | 405 | 501; detail: string; allow?: string };

export function resolveRoute(method: string, segments: string[]): Resolved {
  const [first, id, ...extra] = segments;
  const path = storableText("/" + segments.join("/"));
  // A NUL in an id cannot name anything we store (and PostgreSQL refuses it in a query).
  if (!segments.every(isStorableText)) return { status: 404, detail: `No SCIM endpoint at ${path}.` };
  // Own keys only: a segment named "__proto__" or "constructor" is not a collection.
  const entry = first && Object.hasOwn(COLLECTIONS, first.toLowerCase()) ? COLLECTIONS[first.toLowerCase()] : undefined;
  if (first?.toLowerCase() === "bulk" || first?.toLowerCase() === "me") return { status: 501, detail: `${path} is not supported.` };
  const route = entry && !extra.length ? (id === undefined ? entry.collection : entry.item) : undefined;
  if (!route) return { status: 404, detail: `No SCIM endpoint at ${path}.` };
  const handler = route[method];
  if (!handler) return { status: 405, detail: `${method} is not allowed on ${path}.`, allow: Object.keys(route).join(", ") };
  return { handler, id };
}
