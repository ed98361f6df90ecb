import { db } from "../db";
import { AppError } from "../errors";
import { recordEvent } from "../audit/record-event";
import { creatorActor, insertToken, lockScimConfig, type CreatedToken, type TokenCreator } from "./create-scim-token";

/** Enables SCIM and creates its first token, in one transaction. */
export async function enableScim(orgId: string, by: TokenCreator): Promise<CreatedToken> {
  return db.$transaction(async (tx) => {
    if (await lockScimConfig(tx, orgId)) throw new AppError("conflict", "SCIM is already enabled for this organization.");
    const now = new Date();
    await tx.scimConfig.update({ where: { organizationId: orgId }, data: { enabled: true, enabledAt: now, enabledById: by.userId } });
    await recordEvent({ organizationId: orgId, actor: creatorActor(by), action: "scim.enabled" }, tx);
    return insertToken(tx, orgId, by, now);
  });
}
