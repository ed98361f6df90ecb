import { ENTERPRISE_USER } from "../scim/constants";
import { isObject, type ScimObject } from "../scim/json";

// What the console shows of a SCIM-managed member: the IdP's attributes as readable rows
// (read-only: the identity provider owns them), plus the resource as stored.

export interface ScimAttributeRow {
  label: string;
  value: string;
}

export interface ScimAttributesView {
  externalId: string | null;
  rows: ScimAttributeRow[];
  /** userName, externalId, active and every stored attribute, for "what exactly did the IdP send?". */
  raw: ScimObject;
}

function text(v: unknown): string | null {
  if (typeof v === "string") return v.trim() ? v : null;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return null;
}

/** "value (type, primary)" for each item of a multi-valued attribute such as emails. */
function multiValued(v: unknown, valueOf: (item: ScimObject) => string | null = (item) => text(item.value)): string | null {
  if (!Array.isArray(v)) return null;
  const parts = v.filter(isObject).flatMap((item) => {
    const value = valueOf(item);
    if (!value) return [];
    const tags = [text(item.type), item.primary === true ? "primary" : null].filter(Boolean);
    return [tags.length ? `${value} (${tags.join(", ")})` : value];
  });
  return parts.length ? parts.join("; ") : null;
}

function address(item: ScimObject): string | null {
  return (
    text(item.formatted) ??
    ([item.streetAddress, item.locality, item.region, item.postalCode, item.country].map(text).filter(Boolean).join(", ") || null)
  );
}

function personName(v: unknown): string | null {
  if (!isObject(v)) return null;
  return (
    text(v.formatted) ??
    ([v.honorificPrefix, v.givenName, v.middleName, v.familyName, v.honorificSuffix].map(text).filter(Boolean).join(" ") || null)
  );
}

export function managerIdOf(attributes: ScimObject): string | null {
  const ext = attributes[ENTERPRISE_USER];
  return isObject(ext) && isObject(ext.manager) ? text(ext.manager.value) : null;
}

/** `managerName` is the display name of the member the manager id points to, when there is one. */
export function scimAttributesView(
  member: { userName: string; externalId: string | null; locked: boolean },
  attributes: ScimObject,
  managerName?: string | null,
): ScimAttributesView {
  const ext = isObject(attributes[ENTERPRISE_USER]) ? (attributes[ENTERPRISE_USER] as ScimObject) : {};
  const managerId = managerIdOf(attributes);
  const candidates: [string, string | null][] = [
    ["External ID", member.externalId],
    ["Name", personName(attributes.name)],
    ["Display name (as sent)", text(attributes.displayName)],
    ["Nickname", text(attributes.nickName)],
    ["Emails", multiValued(attributes.emails)],
    ["Phone numbers", multiValued(attributes.phoneNumbers)],
    ["Addresses", multiValued(attributes.addresses, address)],
    ["Title", text(attributes.title)],
    ["User type", text(attributes.userType)],
    ["Employee number", text(ext.employeeNumber)],
    ["Department", text(ext.department)],
    ["Division", text(ext.division)],
    ["Organization", text(ext.organization)],
    ["Cost center", text(ext.costCenter)],
    ["Manager", managerId ? (managerName ? `${managerName} (${managerId})` : `${managerId} (not a member of this organization)`) : null],
    ["Preferred language", text(attributes.preferredLanguage)],
    ["Locale", text(attributes.locale)],
    ["Time zone", text(attributes.timezone)],
  ];
  return {
    externalId: member.externalId,
    rows: candidates.filter((c): c is [string, string] => c[1] !== null).map(([label, value]) => ({ label, value })),
    raw: {
      userName: member.userName,
      ...(member.externalId ? { externalId: member.externalId } : {}),
      active: !member.locked,
      ...attributes,
    },
  };
}
