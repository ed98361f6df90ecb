import { parse, type Filter } from "scim2-parse-filter";
import { ENTERPRISE_USER } from "../constants";
import { badRequest } from "../errors";
import { findAttribute, type AttributeDef } from "../schema/attribute";
import { splitSchemaPrefix } from "../schema/schema-prefix";
import type { PatchResource } from "./patch-resources";

/** A PATCH path (RFC 7644 §3.5.2: attrPath / valuePath [subAttr]) with canonical attribute names. */
export interface PatchPath {
  schema: "core" | "enterprise";
  /** Undefined when the path is the Enterprise extension URN itself. */
  attr?: AttributeDef;
  filter?: PathFilter;
  sub?: AttributeDef;
}

/** `emails[type eq "work"]`'s filter: as sent (for scim-patch) and parsed once (for us). */
export interface PathFilter {
  text: string;
  ast: Filter;
}

const SHAPE = /^([A-Za-z$][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z$][\w$-]*))?$/s;

/**
 * Parses and canonicalises a path of `resource`. Returns undefined for attributes it does not
 * have (or that must not be written, like id, meta and a User's groups); malformed paths are
 * 400 invalidPath.
 */
export function parsePatchPath(path: string, resource: PatchResource): PatchPath | undefined {
  const split = splitSchemaPrefix(path.trim());
  if (!split) return undefined; // another extension: not ours
  const { schema, rest } = split;
  const attributes = schema === "core" ? resource.core : resource.enterprise;
  if (!attributes) return undefined; // the Enterprise User extension, on a Group
  if (!rest) return schema === "enterprise" ? { schema } : undefined;

  const match = SHAPE.exec(rest);
  if (!match) throw badRequest("invalidPath", `The path '${path}' is not a valid SCIM attribute path.`);
  const [, name = "", filterText, subName] = match;
  const def = findAttribute(attributes, name);
  if (!def || def.mutability === "readOnly") return undefined;
  let filter: PathFilter | undefined;
  if (filterText !== undefined) {
    if (!def.multiValued) throw badRequest("invalidPath", `'${def.name}' is not multi-valued: it cannot be filtered.`);
    try {
      filter = { text: filterText, ast: parse(filterText) };
    } catch {
      throw badRequest("invalidPath", `The filter in '${path}' is not valid.`);
    }
  }
  if (subName === undefined) return { schema, attr: def, filter };
  const sub = findAttribute(def.subAttributes, subName);
  if (!sub || sub.mutability === "readOnly") return undefined;
  return { schema, attr: def, filter, sub };
}

/** The canonical path string handed to scim-patch. */
export function pathText(p: PatchPath): string {
  const base = (p.attr?.name ?? "") + (p.filter ? `[${p.filter.text}]` : "") + (p.sub ? `.${p.sub.name}` : "");
  return p.schema === "enterprise" ? (p.attr ? `${ENTERPRISE_USER}:${base}` : ENTERPRISE_USER) : base;
}
