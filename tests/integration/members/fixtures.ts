// Members and events written straight to the database, as the SCIM API would write them.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { auditData, type AuditInput } from "@/lib/audit/record-event";
import { baseUrl } from "../../helpers/server";

export const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

export interface MemberSpec {
  userName: string;
  given?: string;
  family?: string;
  locked?: boolean;
  managed?: boolean;
  scimUpdatedAt?: Date;
  externalId?: string;
  attributes?: Record<string, unknown>;
}

export function memberRow(orgId: string, m: MemberSpec) {
  const display = m.given && m.family ? `${m.given} ${m.family}` : null;
  return {
    id: randomUUID(),
    organizationId: orgId,
    userName: m.userName,
    userNameLower: m.userName.toLowerCase(),
    email: m.userName,
    emailLower: m.userName.toLowerCase(),
    givenName: m.given ?? null,
    givenNameLower: m.given?.toLowerCase() ?? null,
    familyName: m.family ?? null,
    familyNameLower: m.family?.toLowerCase() ?? null,
    displayName: display,
    displayNameLower: display?.toLowerCase() ?? null,
    locked: m.locked ?? false,
    scimManaged: m.managed ?? false,
    scimUpdatedAt: m.managed ? (m.scimUpdatedAt ?? new Date()) : null,
    externalId: m.externalId ?? null,
    scimAttributes: m.managed ? JSON.stringify(m.attributes ?? {}) : null,
  };
}

/** Inserts members; returns their ids in the order given. */
export async function insertMembers(orgId: string, specs: MemberSpec[]): Promise<string[]> {
  const rows = specs.map((s) => memberRow(orgId, s));
  await db.member.createMany({ data: rows });
  return rows.map((r) => r.id);
}

export async function insertEvents(events: (AuditInput & { createdAt?: Date })[]): Promise<void> {
  await db.auditEvent.createMany({ data: events.map(({ createdAt, ...e }) => ({ ...auditData(e), ...(createdAt ? { createdAt } : {}) })) });
}

export const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

/** A SCIM request as an IdP makes it. */
export async function scim(
  orgId: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { Accept: "application/scim+json" };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/scim+json";
  const res = await fetch(`${baseUrl()}/scim/v2/${orgId}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}
