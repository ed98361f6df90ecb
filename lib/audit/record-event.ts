import { randomUUID } from "node:crypto";
import { db } from "../db";
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

/** Records an audit event. Pass `tx` to write it in the same transaction as the change it describes. */
export async function recordEvent(e: AuditInput, tx: Prisma.TransactionClient = db): Promise<void> {
  await tx.auditEvent.create({ data: auditData(e) });
}

const INSERT_EVENT = statement("audit_event_insert")`
  INSERT INTO "AuditEvent" ("id", "organizationId", "createdAt", "actorType", "actorId", "actorLabel", "actorLabelLower", "action", "targetType", "targetId", "targetLabel", "targetLabelLower", "outcome", "status", "detail")
  VALUES (${"id"}, ${"organizationId"}, ${"createdAt"}, ${"actorType"}, ${"actorId"}, ${"actorLabel"}, ${"actorLabelLower"}, ${"action"}, ${"targetType"}, ${"targetId"}, ${"targetLabel"}, ${"targetLabelLower"}, ${"outcome"}, ${"status"}, ${"detail"})`;

/** The same event through a raw-driver transaction (lib/db/sql.ts): the member store's writes record theirs this way. */
export async function recordEventSql(tx: SqlRunner, e: AuditInput, now = new Date()): Promise<void> {
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
