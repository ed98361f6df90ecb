import { sql } from "../db";
import { AppError } from "../errors";
import { recordEvent } from "../audit/record-event";
import { creatorActor, type TokenCreator } from "./create-scim-token";
import { DELETE_TOKEN } from "./token-statements";

// DELETE /api/organizations/[orgId]/scim/tokens/[tokenId] — the token stops working at once.
export async function deleteScimToken(orgId: string, tokenId: string, by: TokenCreator): Promise<void> {
  await sql.transaction(async (tx) => {
    const now = new Date();
    // Scoped by organization in the where: another organization's token is simply not found.
    const deleted = await tx.row(DELETE_TOKEN, { id: tokenId, orgId, now });
    if (!deleted) throw new AppError("not_found", "This token does not exist or was already deleted.");
    await recordEvent(
      {
        organizationId: orgId,
        actor: creatorActor(by),
        action: "scim.token.deleted",
        target: { type: "token", id: tokenId, label: String(deleted[0]) },
      },
      tx,
    );
  });
}
