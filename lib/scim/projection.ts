import { ENTERPRISE_USER } from "./constants";
import { isObject, keyOf, type ScimObject } from "./json";
import { splitSchemaPrefix } from "./schema/schema-prefix";

// RFC 7644 §3.4.2.5 attributes / excludedAttributes. id and schemas are "returned: always".
const ALWAYS = new Set(["id", "schemas"]);

/** "name.givenName", "urn:…:User:userName", "urn:…:enterprise:2.0:User:manager" → path segments (case kept; matched later). */
function toSegments(name: string): string[] {
  const split = splitSchemaPrefix(name);
  if (!split) return [name]; // another schema: matches nothing
  const segments = split.rest ? split.rest.split(".") : [];
  return split.schema === "enterprise" ? [ENTERPRISE_USER, ...segments] : segments;
}

/** `emails[type eq "work"]` (Microsoft's test tools) names the attribute `emails`; `emails[…].value` its sub-attribute. */
const withoutFilter = (name: string) => name.replace(/\[[^\]]*\]/g, "");

/** Splits on the commas outside brackets: a filter in `emails[type eq "a,b"]` keeps its own. */
function splitList(value: string): string[] {
  return value.match(/(?:[^,[]|\[[^\]]*\])+/g) ?? [];
}

export function parseAttributeList(value: string | null | undefined): string[][] {
  if (!value) return [];
  return splitList(value)
    .map((s) => withoutFilter(s.trim()))
    .filter(Boolean)
    .map(toSegments)
    .filter((segments) => segments.length > 0);
}

type Selection = { [lowerName: string]: Selection | true };

function selectionOf(paths: string[][]): Selection {
  const root: Selection = {};
  for (const path of paths) {
    let node = root;
    path.forEach((segment, i) => {
      const key = segment.toLowerCase();
      if (node[key] === true) return;
      if (i === path.length - 1) node[key] = true;
      else node = (node[key] ??= {}) as Selection;
    });
  }
  return root;
}

function select(value: unknown, selection: Selection | true): unknown {
  if (selection === true) return structuredClone(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => select(v, selection)).filter((v) => isObject(v) && Object.keys(v).length);
    return items.length ? items : undefined;
  }
  if (!isObject(value)) return undefined;
  const out: ScimObject = {};
  for (const [key, inner] of Object.entries(value)) {
    const sub = selection[key.toLowerCase()];
    if (!sub) continue;
    const picked = select(inner, sub);
    if (picked !== undefined && !(isObject(picked) && !Object.keys(picked).length)) out[key] = picked;
  }
  return out;
}

function remove(value: unknown, path: string[]): void {
  if (Array.isArray(value)) return value.forEach((v) => remove(v, path));
  if (!isObject(value)) return;
  const [head = "", ...rest] = path;
  const key = keyOf(value, head);
  if (key === undefined) return;
  if (rest.length) remove(value[key], rest);
  else delete value[key];
}

/** Applies attributes= (only those, plus id and schemas) or excludedAttributes= to one resource. */
export function projectResource(resource: ScimObject, attributes: string[][], excluded: string[][]): ScimObject {
  if (attributes.length) {
    const picked = select(resource, selectionOf(attributes)) as ScimObject;
    return { schemas: resource.schemas, id: resource.id, ...picked };
  }
  if (!excluded.length) return resource;
  const out = structuredClone(resource);
  for (const path of excluded) if (!(path.length === 1 && ALWAYS.has(path[0]!.toLowerCase()))) remove(out, path);
  return out;
}
