import { randomUUID } from "node:crypto";
import { db, fastReads } from "../../db";
import { auditData } from "../../audit/record-event";
import { tokenActor } from "../audit";
import { emailRows, memberColumns } from "../member-columns";
import { memberSelect, type MemberRow } from "../member-row";
import { normalizeUser, type UserInput } from "../user-input";
import { duplicateUserName, isUniqueViolation, runWrite, toResource, type ScimContext } from "./context";
import { writeMember } from "./write-member";

export interface CreatedUser {
  resource: Record<string, unknown>;
  adopted: boolean;
}

/** A new member, its MemberEmail rows and the audit event, in one batch transaction. */
async function insertMember(ctx: ScimContext, input: UserInput): Promise<MemberRow> {
  const id = randomUUID();
  const detail = input.active === false ? "Created locked (active: false)." : undefined;
  const [row] = await db.$transaction([
    db.member.create({
      data: { id, organizationId: ctx.caller.organizationId, ...memberColumns(input), locked: input.active === false, scimManaged: true, scimUpdatedAt: new Date(), emails: { create: emailRows(input) } },
      select: memberSelect,
    }),
    db.auditEvent.create({
      data: auditData({ organizationId: ctx.caller.organizationId, actor: tokenActor(ctx.caller), action: "scim.user.created", target: { type: "member", id, label: input.userName }, detail }),
    }),
  ]);
  return row;
}

// POST /Users — creates a member, or adopts the organization's unmanaged member of that
// userName (ARCHITECTURE.md): it keeps its id and takes the IdP's attributes.
export async function createUser(ctx: ScimContext, body: unknown): Promise<CreatedUser> {
  const input = normalizeUser(body);
  const orgId = ctx.caller.organizationId;
  const userNameLower = input.userName.toLowerCase();
  // Most POSTs create a new user: a prepared read decides, and one batch transaction writes.
  // Two racing POSTs of one userName both get past it; the unique index lets one insert win.
  const found = await fastReads.memberByUserName(orgId, userNameLower);
  if (found?.scimManaged) throw duplicateUserName(input.userName);
  if (!found) {
    try {
      return { resource: await toResource(ctx, await insertMember(ctx, input)), adopted: false };
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateUserName(input.userName);
      throw err;
    }
  }
  const row = await runWrite({ userName: () => input.userName }, async (tx): Promise<MemberRow> => {
    const existing = await tx.member.findUnique({ where: { organizationId_userNameLower: { organizationId: orgId, userNameLower } }, select: memberSelect });
    if (!existing || existing.scimManaged) throw duplicateUserName(input.userName); // claimed meanwhile
    return writeMember(tx, ctx, existing, input, true);
  });
  return { resource: await toResource(ctx, row), adopted: true };
}
