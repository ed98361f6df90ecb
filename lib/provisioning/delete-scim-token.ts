import { db } from "../db";
import { AppError } from "../errors";
import { recordEvent } from "../audit/record-event";
import { creatorActor, type TokenCreator } from "./create-scim-token";

// DELETE /api/organizations/[orgId]/scim/tokens/[tokenId] — the token stops working at once.
export async function deleteScimToken(orgId: string, tokenId: string, by: TokenCreator): Promise<void> {
  await db.$transaction(async (tx) => {
    // Scoped by organization in the where: another organization's token is simply not found.
    const { count } = await tx.scimToken.updateMany({
      where: { id: tokenId, organizationId: orgId, deletedAt: null },
      data: { deletedAt: new Date() },
    });
    if (count === 0) throw new AppError("not_found", "This token does not exist or was already deleted.");
    const token = await tx.scimToken.findUniqueOrThrow({ where: { id: tokenId }, select: { prefix: true } });
    await recordEvent(
      {
        organizationId: orgId,
        actor: creatorActor(by),
        action: "scim.token.deleted",
        target: { type: "token", id: tokenId, label: token.prefix },
      },
      tx,
    );
  });
}
