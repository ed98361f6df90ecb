"use client";

import { useQuery } from "@tanstack/react-query";
import { SelectField } from "../members/search-box";
import { groupListQuery } from "./queries";

/** The members list's "Group" filter: every group the IdP provisioned, by name. */
export function GroupFilter({ orgId, value, onChange }: { orgId: string; value: string; onChange: (groupId: string) => void }) {
  const groups = useQuery(groupListQuery(orgId));
  const items = groups.data?.items ?? [];
  // A group named in the URL but not (yet) loaded still shows as selected.
  const options: [string, string][] = [["", "All groups"], ...items.map((g): [string, string] => [g.id, g.displayName])];
  if (value && !items.some((g) => g.id === value)) options.push([value, groups.isPending ? "Loading…" : "Unknown group"]);
  if (!items.length && !value) return null;
  return <SelectField label="Group" value={value} options={options} onChange={onChange} />;
}
