// Seeds a benchmark database: one organization with SCIM enabled, a token, N SCIM-managed
// members (rows built by the same code the SCIM API writes with), one group holding all of them
// and M audit events. Prints { orgId, token, ids, userNames, groupId, groupName } as JSON on the last line.
import { randomUUID } from "node:crypto";
import { db } from "../lib/db";
import { emailRows, scimColumns } from "../lib/members/store/scim-profile";
import { normalizeUser } from "../lib/scim/user-input";
import { displayPrefix, expiryFrom, generateTokenSecret, hashToken } from "../lib/provisioning/token-secret";

const members = Number(process.env.BENCH_MEMBERS ?? 10_000);
const events = Number(process.env.BENCH_EVENTS ?? 0);
const BATCH = 500;

function user(i: number) {
  const userName = `user${String(i).padStart(6, "0")}@bench.example`;
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
    userName,
    externalId: `ext-${i}`,
    active: true,
    name: { givenName: `Given${i}`, familyName: `Family${i}` },
    displayName: `Given${i} Family${i}`,
    emails: [{ value: userName, type: "work", primary: true }],
    title: "Engineer",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: `Dept ${i % 20}`, employeeNumber: String(i) },
  };
}

async function main() {
  const orgId = randomUUID();
  const token = generateTokenSecret();
  const now = new Date();
  await db.organization.create({ data: { id: orgId, name: "Bench" } });
  await db.scimConfig.create({ data: { organizationId: orgId, enabled: true, enabledAt: now } });
  await db.scimToken.create({
    data: {
      id: randomUUID(),
      organizationId: orgId,
      hash: hashToken(token),
      prefix: displayPrefix(token),
      expiresAt: expiryFrom(now),
      createdByName: "bench",
    },
  });

  const ids: string[] = [];
  const userNames: string[] = [];
  for (let start = 0; start < members; start += BATCH) {
    const rows = [];
    const emails = [];
    for (let i = start; i < Math.min(members, start + BATCH); i++) {
      const input = normalizeUser(user(i));
      const id = randomUUID();
      ids.push(id);
      userNames.push(input.userName);
      rows.push({
        id,
        organizationId: orgId,
        ...scimColumns(input),
        scimManaged: true,
        scimUpdatedAt: now,
        createdAt: new Date(now.getTime() - (members - i) * 1000),
      });
      emails.push(...emailRows(input).map((e) => ({ ...e, memberId: id })));
    }
    await db.member.createMany({ data: rows });
    await db.memberEmail.createMany({ data: emails });
  }
  // One group holding every member: the group benchmarks' worst case (IDP-REQUESTS.md: 10k+ groups time out elsewhere).
  const groupId = randomUUID();
  const groupName = "All members";
  await db.group.create({
    data: { id: groupId, organizationId: orgId, displayName: groupName, displayNameLower: groupName.toLowerCase(), scimAttributes: "{}" },
  });
  for (let start = 0; start < ids.length; start += BATCH) {
    await db.groupMember.createMany({ data: ids.slice(start, start + BATCH).map((memberId) => ({ groupId, memberId, createdAt: now })) });
  }
  const actions = ["scim.user.created", "scim.user.updated", "scim.user.locked", "scim.request.rejected"];
  for (let start = 0; start < events; start += 2000) {
    const data = [];
    for (let i = start; i < Math.min(events, start + 2000); i++) {
      data.push({
        id: randomUUID(),
        organizationId: orgId,
        createdAt: new Date(now.getTime() - i * 60_000),
        actorType: "token",
        actorLabel: displayPrefix(token),
        actorLabelLower: displayPrefix(token).toLowerCase(),
        action: actions[i % actions.length]!,
        targetType: "member",
        targetId: ids[i % ids.length] ?? null,
        targetLabel: userNames[i % userNames.length] ?? null,
        targetLabelLower: userNames[i % userNames.length]?.toLowerCase() ?? null,
        outcome: i % 4 === 3 ? "failure" : "success",
        status: i % 4 === 3 ? 400 : 200,
      });
    }
    await db.auditEvent.createMany({ data });
  }
  console.log(JSON.stringify({ orgId, token, ids, userNames, groupId, groupName }));
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => void db.$disconnect());
