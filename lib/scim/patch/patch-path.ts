import { parse } from "scim2-parse-filter";
import { ENTERPRISE_USER } from "../constants";
import { badRequest } from "../errors";
import { attr, findAttribute, type AttributeDef } from "../schema/attribute";
import { splitSchemaPrefix } from "../schema/schema-prefix";
import { CORE_USER_ATTRIBUTES, ENTERPRISE_USER_ATTRIBUTES } from "../schema/user-schema";

/** A PATCH path (RFC 7644 §3.5.2: attrPath / valuePath [subAttr]) with canonical attribute names. */
export interface PatchPath {
  schema: "core" | "enterprise";
  /** Undefined when the path is the Enterprise extension URN itself. */
  attr?: AttributeDef;
  filter?: string;
  sub?: AttributeDef;
}

// externalId is a common attribute (RFC 7643 §3.1), not part of the User schema's list.
const EXTERNAL_ID = attr("externalId", "string", "Identifier of the User in the provisioning client.", { caseExact: true });
const CORE_PATH_ATTRIBUTES = [...CORE_USER_ATTRIBUTES, EXTERNAL_ID];

const SHAPE = /^([A-Za-z$][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z$][\w$-]*))?$/s;

/**
 * Parses and canonicalises a path. Returns undefined for attributes we do not know (or
 * must not be written, like id, meta and groups); malformed paths are 400 invalidPath.
 */
export function parsePatchPath(path: string): PatchPath | undefined {
  const split = splitSchemaPrefix(path.trim());
  if (!split) return undefined; // another extension: not ours
  const { schema, rest } = split;
  if (!rest) return schema === "enterprise" ? { schema } : undefined;

  const match = SHAPE.exec(rest);
  if (!match) throw badRequest("invalidPath", `The path '${path}' is not a valid SCIM attribute path.`);
  const [, name = "", filter, subName] = match;
  const def = findAttribute(schema === "core" ? CORE_PATH_ATTRIBUTES : ENTERPRISE_USER_ATTRIBUTES, name);
  if (!def || def.mutability === "readOnly") return undefined;
  if (filter !== undefined) {
    if (!def.multiValued) throw badRequest("invalidPath", `'${def.name}' is not multi-valued: it cannot be filtered.`);
    try {
      parse(filter);
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
  const base = (p.attr?.name ?? "") + (p.filter !== undefined ? `[${p.filter}]` : "") + (p.sub ? `.${p.sub.name}` : "");
  return p.schema === "enterprise" ? (p.attr ? `${ENTERPRISE_USER}:${base}` : ENTERPRISE_USER) : base;
}
