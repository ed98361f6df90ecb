// Run with tsx and DATABASE_URL of a database of its own (expiry-emails.test.ts):
//   seed    an organization with SCIM on and its only token 5 days from expiry; prints it as JSON
//   notices <tokenId>   prints the token's TokenExpiryNotice rows as JSON
// The jobs processes under test scan every organization of their database: a database of
// their own keeps them away from the other test files' organizations.
import { db } from "@/lib/db";
import { createOrganization, enableScimWithToken } from "../../helpers/fixtures";

async function main(): Promise<unknown> {
  const [cmd, arg] = process.argv.slice(2);
  if (cmd === "seed") {
    const org = await createOrganization();
    await enableScimWithToken(org);
    const token = await db.scimToken.findFirstOrThrow({ where: { organizationId: org.orgId } });
    await db.scimToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() + 5 * 86_400_000) } });
    return { orgId: org.orgId, tokenId: token.id, emails: [org.owner.email, org.iam.email, org.member.email] };
  }
  if (cmd === "notices" && arg)
    return db.tokenExpiryNotice.findMany({ where: { tokenId: arg }, select: { threshold: true, recipients: true, sentAt: true } });
  throw new Error("usage: seed | notices <tokenId>");
}

main().then(
  async (out) => {
    console.log(JSON.stringify(out));
    await db.$disconnect();
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
