import { randomUUID } from "node:crypto";
import { recordUserEvent } from "../audit";
import { emailRows, memberColumns } from "../member-columns";
import { memberSelect, type MemberRow } from "../member-row";
import { normalizeUser } from "../user-input";
import { duplicateUserName, runWrite, toResource, type ScimContext } from "./context";
import { writeMember } from "./write-member";

export interface CreatedUser {
  resource: Record<string, unknown>;
  adopted: boolean;
}

// POST /Users — creates a member, or adopts the organization's unmanaged member of that
// userName (ARCHITECTURE.md): it keeps its id and takes the IdP's attributes.
export async function createUser(ctx: ScimContext, body: unknown): Promise<CreatedUser> {
  const input = normalizeUser(body);
  const orgId = ctx.caller.organizationId;
  const { row, adopted } = await runWrite(
    { userName: () => input.userName },
    async (tx): Promise<{ row: MemberRow; adopted: boolean }> => {
      const existing = await tx.member.findUnique({ where: { organizationId_userNameLower: { organizationId: orgId, userNameLower: input.userName.toLowerCase() } }, select: memberSelect });
      if (existing?.scimManaged) throw duplicateUserName(input.userName);
      if (existing) return { row: await writeMember(tx, ctx, existing, input, true), adopted: true };
      // Two racing POSTs of one userName both get here; the unique index lets one insert win.
      const created = await tx.member.create({
        data: { id: randomUUID(), organizationId: orgId, ...memberColumns(input), locked: input.active === false, scimManaged: true, scimUpdatedAt: new Date(), emails: { create: emailRows(input) } },
        select: memberSelect,
      });
      await recordUserEvent(tx, ctx.caller, "scim.user.created", { id: created.id, userName: created.userName }, input.active === false ? "Created locked (active: false)." : undefined);
      return { row: created, adopted: false };
    },
  );
  return { resource: await toResource(ctx, row), adopted };
}
