import { Badge } from "@/components/ui/badge";
import type { ActivityItem } from "@/lib/audit/activity-view";

export function OutcomeBadge({ item }: { item: Pick<ActivityItem, "outcome" | "status"> }) {
  if (item.outcome === "success") return <Badge tone="green">Success</Badge>;
  return <Badge tone="red">{item.status ? `Failed · HTTP ${item.status}` : "Failed"}</Badge>;
}
