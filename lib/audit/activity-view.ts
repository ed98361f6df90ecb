import { actionLabel, eventSource, type EventSource } from "./event-catalog";
import { redactSecrets } from "./redact";

/** What the activity list reads of one event (activity-where.ts). */
export interface ActivityRow {
  id: string;
  createdAt: Date;
  actorType: string;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  outcome: string;
  status: number | null;
  detail: string | null;
}

export interface ActivityItem {
  id: string;
  createdAt: string;
  action: string;
  actionLabel: string;
  source: EventSource;
  actor: { type: string; label: string | null }; // label: an email or a token prefix, never a token
  target: { type: string; id: string | null; label: string | null } | null;
  outcome: "success" | "failure";
  status: number | null;
  detail: string | null;
}

export interface ActivityPage {
  items: ActivityItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  retentionDays: number;
}

export function toActivityItem(row: ActivityRow): ActivityItem {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    action: row.action,
    actionLabel: actionLabel(row.action),
    source: eventSource(row.action),
    actor: { type: row.actorType, label: redactSecrets(row.actorLabel) },
    target:
      row.targetType || row.targetLabel
        ? { type: row.targetType ?? "unknown", id: row.targetId, label: redactSecrets(row.targetLabel) }
        : null,
    outcome: row.outcome === "failure" ? "failure" : "success",
    status: row.status,
    detail: redactSecrets(row.detail),
  };
}
