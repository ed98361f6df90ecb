// Seeds one large organization for the console's members and activity pages: an owner who
// can sign in, BENCH_MEMBERS members (default 10,000: 70 % SCIM-managed, 5 % locked) and
// BENCH_EVENTS audit events (default 100,000) spread over the last 90 days, inside the
// default retention. Batched createMany: a few seconds on SQLite.
// Usage: DATABASE_URL=file:/tmp/bench.db npx tsx bench/seed-large.ts
// Prints { orgId, ownerEmail, password, members, events } as JSON on the last line.
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import { db } from "../lib/db";
import { profileColumns } from "../lib/members/store/columns";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const SPAN_MS = 90 * 24 * 3_600_000;
const MEMBER_BATCH = 1_000; // ~20 columns a row: under SQLite's 32,766 bound parameters
const EVENT_BATCH = 2_000;
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const GIVEN = ["Alice", "Bob", "Chloé", "David", "Emma", "Farid", "Grace", "Hugo", "Inès", "Jules", "Karim", "Léa"];
const FAMILY = ["Martin", "Durand", "Bernard", "Petit", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel"];

function member(orgId: string, i: number, ids: string[], now: Date) {
  const given = GIVEN[i % GIVEN.length]!;
  const family = `${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]!}${i}`;
  const userName = `${given.toLowerCase()}.${family.toLowerCase()}@bench.example`;
  const managed = i % 10 < 7;
  const attributes = {
    name: { givenName: given, familyName: family },
    emails: [{ value: userName, type: "work", primary: true }],
    title: i % 3 ? "Engineer" : "Manager",
    [ENTERPRISE]: {
      employeeNumber: String(i),
      department: `Dept ${i % 25}`,
      ...(i > 0 ? { manager: { value: ids[Math.floor(i / 10)] } } : {}),
    },
  };
  return {
    id: ids[i]!,
    organizationId: orgId,
    ...profileColumns({ userName, email: userName, givenName: given, familyName: family }),
    externalId: managed ? `00u${i}` : null,
    locked: i % 20 === 0,
    scimManaged: managed,
    scimAttributes: managed ? JSON.stringify(attributes) : null,
    scimUpdatedAt: managed ? new Date(now.getTime() - ((i * 7919) % SPAN_MS)) : null,
    createdAt: new Date(now.getTime() - SPAN_MS - i * 1000),
  };
}

// Weighted like a busy tenant: mostly updates, some failures, a little console activity.
const MIX: [number, string, "success" | "failure", number | null, string | null][] = [
  [60, "scim.user.updated", "success", null, "Changed: title."],
  [10, "scim.user.created", "success", null, null],
  [5, "scim.user.locked", "success", null, null],
  [5, "scim.user.unlocked", "success", null, null],
  [3, "scim.user.deleted", "success", null, null],
  [10, "scim.request.rejected", "failure", 400, "userName is required."],
  [5, "scim.auth.failed", "failure", 401, "The bearer token has expired."],
  [2, "member.locked", "success", null, null],
];
const WHEEL = MIX.flatMap(([weight, ...rest]) => Array.from({ length: weight }, () => rest));

function event(orgId: string, i: number, ids: string[], userNames: string[], owner: { id: string; email: string }, now: Date) {
  const [action, outcome, status, detail] = WHEEL[i % WHEEL.length]!;
  const m = (i * 31) % ids.length;
  const byUser = action.startsWith("member.");
  const anonymous = action === "scim.auth.failed";
  return {
    id: randomUUID(),
    organizationId: orgId,
    createdAt: new Date(now.getTime() - Math.floor((i * SPAN_MS) / EVENTS)),
    actorType: byUser ? "user" : anonymous ? "anonymous" : "token",
    actorId: byUser ? owner.id : anonymous ? null : "bench-token",
    actorLabel: byUser ? owner.email : "scim_BeNcH1",
    actorLabelLower: (byUser ? owner.email : "scim_BeNcH1").toLowerCase(),
    action,
    targetType: anonymous ? null : action === "scim.request.rejected" ? "request" : "member",
    targetId: anonymous || action === "scim.request.rejected" ? null : ids[m]!,
    targetLabel: anonymous ? null : action === "scim.request.rejected" ? "POST /Users" : userNames[m]!,
    targetLabelLower: anonymous ? null : action === "scim.request.rejected" ? "post /users" : userNames[m]!.toLowerCase(),
    outcome,
    status,
    detail,
  };
}

async function main() {
  const started = Date.now();
  const now = new Date();
  const orgId = randomUUID();
  const password = process.env.BENCH_PASSWORD || randomBytes(9).toString("base64url");
  const owner = { id: randomUUID(), email: `owner-${orgId.slice(0, 8)}@bench.example` };
  await db.organization.create({ data: { id: orgId, name: "Bench console" } });
  await db.user.create({ data: { id: owner.id, email: owner.email, name: "Bench Owner", passwordHash: await hashPassword(password) } });
  const ownerMember = {
    id: randomUUID(),
    organizationId: orgId,
    userId: owner.id,
    role: "owner",
    userName: owner.email,
    userNameLower: owner.email,
    email: owner.email,
    emailLower: owner.email,
  };
  await db.member.create({ data: { ...ownerMember, displayName: "Bench Owner", displayNameLower: "bench owner" } });

  const ids = Array.from({ length: MEMBERS }, () => randomUUID());
  const userNames: string[] = [];
  for (let start = 0; start < MEMBERS; start += MEMBER_BATCH) {
    const rows = Array.from({ length: Math.min(MEMBER_BATCH, MEMBERS - start) }, (_, k) => member(orgId, start + k, ids, now));
    userNames.push(...rows.map((r) => r.userName));
    await db.member.createMany({ data: rows });
    const emails = rows
      .filter((r) => r.scimManaged)
      .map((r) => ({ memberId: r.id, value: r.userName, valueLower: r.userName, type: "work", primary: true }));
    await db.memberEmail.createMany({ data: emails });
  }
  for (let start = 0; start < EVENTS; start += EVENT_BATCH) {
    const rows = Array.from({ length: Math.min(EVENT_BATCH, EVENTS - start) }, (_, k) =>
      event(orgId, start + k, ids, userNames, owner, now),
    );
    await db.auditEvent.createMany({ data: rows });
  }
  console.error(`seeded ${MEMBERS} members and ${EVENTS} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(JSON.stringify({ orgId, ownerEmail: owner.email, password, members: MEMBERS + 1, events: EVENTS }));
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => void db.$disconnect());
