import { sql } from "../../db";
import { raw, statement } from "../../db/sql-statement";
import { managesProvisioning } from "../../groups/store/iam-permission";

// Who is told about the organization's SCIM tokens (expiry emails): members with a console
// login, not locked, who manage provisioning — owners, and whoever holds the IAM permission by
// hand or through a group mapped to it, as the members page shows and the access decision
// reads it (lib/groups/store/iam-permission.ts). A job's query, rare.

export interface ManagerContact {
  email: string;
  name: string;
}

export const PROVISIONING_MANAGERS = statement("member_provisioning_managers")`
  SELECT u."email", u."name" FROM "Member" m JOIN "User" u ON u."id" = m."userId"
  WHERE m."organizationId" = ${"orgId"} AND m."locked" = false AND ${raw(managesProvisioning())}
  ORDER BY m."id" ASC`;

export async function provisioningManagerContacts(orgId: string): Promise<ManagerContact[]> {
  const rows = await sql.rows(PROVISIONING_MANAGERS, { orgId });
  return rows.map((r) => ({ email: String(r[0]), name: String(r[1]) }));
}
