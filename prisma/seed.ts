// Seeds the demo organization "Acme" into an empty database. For the embedded demo
// database only: on PostgreSQL it runs only when SEED_DEMO=1. `--quiet` (npm start, which prints
// the stored credentials itself) prints nothing unless SEED_PASSWORD is set.
import { randomBytes, randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { config } from "../lib/config";
import { db } from "../lib/db";
import { isPostgresUrl } from "../lib/db/dialect.mjs";
import { hashPassword } from "../lib/auth/password";
import { profileColumns } from "../lib/members/store/columns";

const ACCOUNTS = [
  { email: "owner@acme.test", name: "Olivia Owner", given: "Olivia", family: "Owner", role: "owner", iam: false },
  { email: "iam@acme.test", name: "Ian Manager", given: "Ian", family: "Manager", role: "member", iam: true },
  { email: "member@acme.test", name: "Mia Member", given: "Mia", family: "Member", role: "member", iam: false },
] as const;

// Pre-existing members without a console password: an IdP that names them by userName adopts them.
const MEMBERS = [
  ["alice.martin@acme.test", "Alice", "Martin"],
  ["bob.durand@acme.test", "Bob", "Durand"],
  ["chloe.bernard@acme.test", "Chloé", "Bernard"],
  ["david.petit@acme.test", "David", "Petit"],
  ["emma.leroy@acme.test", "Emma", "Leroy"],
] as const;

function memberData(orgId: string, userName: string, given: string, family: string) {
  return {
    id: randomUUID(),
    organizationId: orgId,
    ...profileColumns({ userName, email: userName, givenName: given, familyName: family }),
  };
}

async function main() {
  if (isPostgresUrl(config.DATABASE_URL) && config.SEED_DEMO !== "1") return;
  if ((await db.organization.count()) > 0) return;
  const password = config.SEED_PASSWORD ?? randomBytes(9).toString("base64url");
  const passwordHash = await hashPassword(password);
  const orgId = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.organization.create({ data: { id: orgId, name: "Acme" } });
    for (const a of ACCOUNTS) {
      const userId = randomUUID();
      await tx.user.create({ data: { id: userId, email: a.email, name: a.name, passwordHash } });
      await tx.member.create({ data: { ...memberData(orgId, a.email, a.given, a.family), userId, role: a.role, iamPermission: a.iam } });
    }
    for (const [userName, given, family] of MEMBERS) await tx.member.create({ data: memberData(orgId, userName, given, family) });
  });
  const lines = [
    "Demo organization: Acme",
    ...ACCOUNTS.map((a) => `  ${a.email.padEnd(18)} ${a.role === "owner" ? "owner" : a.iam ? "IAM permission" : "member (no permission)"}`),
    `  password: ${password}`,
  ];
  // Kept beside the demo database (git-ignored) so `npm start` can show it again.
  if (!config.SEED_PASSWORD) writeFileSync(path.resolve("prisma/.demo-credentials"), lines.join("\n") + "\n", { mode: 0o600 });
  // `npm start` prints the stored credentials itself on every start.
  if (!process.argv.includes("--quiet") || config.SEED_PASSWORD) console.log(lines.join("\n"));
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => void db.$disconnect());
