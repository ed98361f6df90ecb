import { z } from "zod";
import { sql } from "../db";
import { AppError } from "../errors";
import { recordEvent } from "../audit/record-event";
import { CONFIRM_WORD } from "./confirm-word";
import { creatorActor, lockScimConfig, type TokenCreator } from "./create-scim-token";
import { DELETE_ALL_TOKENS, DISABLE_SCIM } from "./token-statements";

export const disableScimInput = z.object({ confirm: z.literal(CONFIRM_WORD) });

/** Disables SCIM and deletes every token: the IdP loses access on its next request. */
export async function disableScim(orgId: string, by: TokenCreator): Promise<void> {
  await sql.transaction(async (tx) => {
    const now = new Date();
    if (!(await lockScimConfig(tx, orgId, now))) throw new AppError("conflict", "SCIM is already disabled for this organization.");
    await tx.run(DISABLE_SCIM, { orgId, now });
    const count = await tx.run(DELETE_ALL_TOKENS, { orgId, now });
    await recordEvent({ organizationId: orgId, actor: creatorActor(by), action: "scim.disabled", detail: `${count} token(s) deleted` }, tx);
  });
}
