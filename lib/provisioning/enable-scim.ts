import { sql } from "../db";
import { AppError } from "../errors";
import { recordEvent } from "../audit/record-event";
import { creatorActor, insertToken, lockScimConfig, type CreatedToken, type TokenCreator } from "./create-scim-token";
import { ENABLE_SCIM } from "./token-statements";

/** Enables SCIM and creates its first token, in one transaction. */
export async function enableScim(orgId: string, by: TokenCreator): Promise<CreatedToken> {
  return sql.transaction(async (tx) => {
    const now = new Date();
    if (await lockScimConfig(tx, orgId, now)) throw new AppError("conflict", "SCIM is already enabled for this organization.");
    await tx.run(ENABLE_SCIM, { orgId, by: by.userId, now });
    await recordEvent({ organizationId: orgId, actor: creatorActor(by), action: "scim.enabled" }, tx);
    return insertToken(tx, orgId, by, now);
  });
}
