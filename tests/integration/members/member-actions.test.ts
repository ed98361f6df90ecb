import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { MemberListItem } from "@/lib/members/member-view";
import { consoleApi, signIn } from "../../helpers/console-client";
import { createOrganization, createUnmanagedMember, type TestOrganization } from "../../helpers/fixtures";
import { insertMembers } from "./fixtures";

type ErrorBody = { error: { code: string; message: string } };

describe("locking, unlocking and removing members from the console", () => {
  let org: TestOrganization;
  let owner: string;
  let iam: string;
  const path = (id: string) => `/api/organizations/${org.orgId}/members/${id}`;
  const events = (targetId: string) =>
    db.auditEvent.findMany({ where: { organizationId: org.orgId, targetId }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    org = await createOrganization();
    owner = (await signIn(org.owner.email, org.owner.password))!;
    iam = (await signIn(org.iam.email, org.iam.password))!;
  });

  it("locks and unlocks an unmanaged member, recording who did it; repeating a state records nothing", async () => {
    const id = await createUnmanagedMember(org.orgId, "lock-me@test.example");
    const locked = await consoleApi<MemberListItem>(owner, "PATCH", path(id), { locked: true });
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ id, locked: true, refusals: { toggleLock: null, remove: null } });
    expect((await db.member.findUniqueOrThrow({ where: { id } })).locked).toBe(true);
    expect((await consoleApi(owner, "PATCH", path(id), { locked: true })).status).toBe(200);

    expect((await consoleApi<MemberListItem>(iam, "PATCH", path(id), { locked: false })).body.locked).toBe(false);
    const log = await events(id);
    expect(log.map((e) => [e.action, e.actorType, e.actorLabel, e.targetType, e.targetLabel, e.outcome])).toEqual([
      ["member.locked", "user", org.owner.email, "member", "lock-me@test.example", "success"],
      ["member.unlocked", "user", org.iam.email, "member", "lock-me@test.example", "success"],
    ]);
  });

  it("removes an unmanaged member once; the second time is a 404", async () => {
    const id = await createUnmanagedMember(org.orgId, "remove-me@test.example");
    const res = await consoleApi(iam, "DELETE", path(id));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ removed: true });
    expect(await db.member.findUnique({ where: { id } })).toBeNull();
    expect((await consoleApi<ErrorBody>(iam, "DELETE", path(id))).status).toBe(404);
    expect((await events(id)).map((e) => [e.action, e.actorLabel, e.targetLabel])).toEqual([
      ["member.removed", org.iam.email, "remove-me@test.example"],
    ]);
  });

  it("refuses to lock, unlock or remove a SCIM-managed member, explaining that the identity provider owns it", async () => {
    const [lockedId, activeId] = await insertMembers(org.orgId, [
      { userName: "managed-locked@test.example", managed: true, locked: true },
      { userName: "managed@test.example", managed: true },
    ]);
    for (const [id, body] of [
      [activeId!, { locked: true }],
      [lockedId!, { locked: false }],
    ] as const) {
      const res = await consoleApi<ErrorBody>(owner, "PATCH", path(id), body);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/is managed by SCIM\. .*identity provider/);
    }
    const removal = await consoleApi<ErrorBody>(owner, "DELETE", path(activeId!));
    expect(removal.status).toBe(409);
    expect(removal.body.error.message).toContain("Remove them in your identity provider");
    expect(
      await db.member.findMany({
        where: { id: { in: [lockedId!, activeId!] } },
        select: { locked: true },
        orderBy: { userNameLower: "asc" },
      }),
    ).toEqual([{ locked: true }, { locked: false }]);
    expect(await db.auditEvent.count({ where: { targetId: { in: [lockedId!, activeId!] } } })).toBe(0);

    const list = await consoleApi<{ items: MemberListItem[] }>(owner, "GET", `/api/organizations/${org.orgId}/members?managed=managed`);
    expect(
      list.body.items.every((m) => m.refusals.toggleLock?.includes("managed by SCIM") && m.refusals.remove?.includes("managed by SCIM")),
    ).toBe(true);
  });

  it("refuses to lock or remove the owner, and lets nobody lock or remove themselves", async () => {
    const lockOwner = await consoleApi<ErrorBody>(iam, "PATCH", path(org.owner.memberId), { locked: true });
    expect(lockOwner.status).toBe(409);
    expect(lockOwner.body.error.message).toBe("The organization owner cannot be locked.");
    expect((await consoleApi<ErrorBody>(iam, "DELETE", path(org.owner.memberId))).body.error.message).toBe(
      "The organization owner cannot be removed.",
    );
    expect((await consoleApi<ErrorBody>(iam, "PATCH", path(org.iam.memberId), { locked: true })).body.error.message).toBe(
      "You cannot lock your own account.",
    );
    expect((await consoleApi<ErrorBody>(owner, "DELETE", path(org.owner.memberId))).status).toBe(409);
    expect(await db.member.count({ where: { id: { in: [org.owner.memberId, org.iam.memberId] }, locked: false } })).toBe(2);

    const me = (
      await consoleApi<{ items: MemberListItem[] }>(iam, "GET", `/api/organizations/${org.orgId}/members?pageSize=100`)
    ).body.items.find((m) => m.isYou);
    expect(me).toMatchObject({
      id: org.iam.memberId,
      refusals: { toggleLock: "You cannot lock your own account.", remove: "You cannot remove your own account." },
    });
  });

  it("a locked console user loses access at their next request", async () => {
    const other = await createOrganization();
    const cookie = (await signIn(other.iam.email, other.iam.password))!;
    const ownerCookie = (await signIn(other.owner.email, other.owner.password))!;
    expect((await consoleApi(cookie, "GET", `/api/organizations/${other.orgId}/members`)).status).toBe(200);
    expect(
      (await consoleApi(ownerCookie, "PATCH", `/api/organizations/${other.orgId}/members/${other.iam.memberId}`, { locked: true })).status,
    ).toBe(200);
    expect((await consoleApi(cookie, "GET", `/api/organizations/${other.orgId}/members`)).status).toBe(403);
  });

  it.each([[{}], [{ locked: "yes" }], [{ locked: true, role: "owner" }], [[true]]])(
    "refuses the body %j with a readable 400",
    async (body) => {
      const id = await createUnmanagedMember(org.orgId, `bad-body-${Math.random().toString(36).slice(2)}@test.example`);
      const res = await consoleApi<ErrorBody>(owner, "PATCH", path(id), body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
      expect((await db.member.findUniqueOrThrow({ where: { id } })).locked).toBe(false);
    },
  );
});
