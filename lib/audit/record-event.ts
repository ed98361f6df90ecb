import { randomUUID } from "node:crypto";
import { sql } from "../db";
import type { Prisma } from "../db";
import type { SqlRunner } from "../db/sql";
import { statement } from "../db/sql-statement";

export type Actor =
  | { type: "user"; id: string; label: string }
  | { type: "token"; id: string; label: string } // label = token prefix, never the token
  | { type: "api_key"; id: string; label: string } // label = API key prefix, never the key
  | { type: "anonymous"; label?: string }
  | { type: "idp"; label?: string } // an SSO sign-in the IdP asserted (label = the asserted username), refused
  | { type: "system" };

export interface AuditInput {
  organizationId: string;
  actor: Actor;
  action: string; // e.g. "scim.enabled", "scim.token.created", "scim.user.created"
  target?: { type: string; id?: string; label?: string };
  outcome?: "success" | "failure";
  status?: number;
  detail?: string;
}

export function auditData(e: AuditInput): Prisma.AuditEventUncheckedCreateInput {
  const actorLabel = "label" in e.actor ? (e.actor.label ?? null) : null;
  const targetLabel = e.target?.label ?? null;
  return {
    id: randomUUID(),
    organizationId: e.organizationId,
    actorType: e.actor.type,
    actorId: "id" in e.actor ? e.actor.id : null,
    actorLabel,
    // The activity search's columns (activity-where.ts), lowered here for every script alike.
    actorLabelLower: actorLabel?.toLowerCase() ?? null,
    action: e.action,
    targetType: e.target?.type ?? null,
    targetId: e.target?.id ?? null,
    targetLabel,
    targetLabelLower: targetLabel?.toLowerCase() ?? null,
    outcome: e.outcome ?? "success",
    status: e.status ?? null,
    detail: e.detail?.slice(0, 500) ?? null,
  };
}

const INSERT_EVENT = statement("audit_event_insert")`
  INSERT INTO "AuditEvent" ("id", "organizationId", "createdAt", "actorType", "actorId", "actorLabel", "actorLabelLower", "action", "targetType", "targetId", "targetLabel", "targetLabelLower", "outcome", "status", "detail")
  VALUES (${"id"}, ${"organizationId"}, ${"createdAt"}, ${"actorType"}, ${"actorId"}, ${"actorLabel"}, ${"actorLabelLower"}, ${"action"}, ${"targetType"}, ${"targetId"}, ${"targetLabel"}, ${"targetLabelLower"}, ${"outcome"}, ${"status"}, ${"detail"})`;

/**
 * Records an audit event: the one way events are written. Standalone, one statement (on
 * SQLite, a transaction of its own on the writer); pass `tx`, a raw-driver transaction
 * (lib/db/sql.ts), to write it with the change it describes. Never inside a Prisma
 * `$transaction`: SQLite's one writer lock would wait for itself.
 */
export async function recordEvent(e: AuditInput, tx: SqlRunner = sql, now = new Date()): Promise<void> {
  const d = auditData(e);
  await tx.run(INSERT_EVENT, {
    ...d,
    createdAt: now,
    actorId: d.actorId ?? null,
    actorLabel: d.actorLabel ?? null,
    actorLabelLower: d.actorLabelLower ?? null,
    targetType: d.targetType ?? null,
    targetId: d.targetId ?? null,
    targetLabel: d.targetLabel ?? null,
    targetLabelLower: d.targetLabelLower ?? null,
    status: d.status ?? null,
    detail: d.detail ?? null,
  });
}
