import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { recordEvent } from "../audit/record-event";
import { CONFIRM_WORD } from "./confirm-word";
import { creatorActor, lockScimConfig, type TokenCreator } from "./create-scim-token";

export const disableScimInput = z.object({ confirm: z.literal(CONFIRM_WORD) });

/** Disables SCIM and deletes every token: the IdP loses access on its next request. */
export async function disableScim(orgId: string, by: TokenCreator): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await lockScimConfig(tx, orgId))) throw new AppError("conflict", "SCIM is already disabled for this organization.");
    const now = new Date();
    await tx.scimConfig.update({ where: { organizationId: orgId }, data: { enabled: false, enabledAt: null, enabledById: null } });
    const { count } = await tx.scimToken.updateMany({ where: { organizationId: orgId, deletedAt: null }, data: { deletedAt: now } });
    await recordEvent({ organizationId: orgId, actor: creatorActor(by), action: "scim.disabled", detail: `${count} token(s) deleted` }, tx);
  });
}
