// Group → permission mapping: the preview, the save, and the effective IAM permission on every
// request as the IdP adds and removes members. Hand grants and the owner are never touched.
import { describe, expect, it } from "vitest";
import { consoleApi, signIn } from "../../helpers/console-client";
import { CORE, eventsOf, scimOrg } from "../scim/scim-client";
import { GROUP, uniqueGroupName } from "./group-client";

describe("group → IAM permission mapping", () => {
  it("preview, save, gain and lose on the next request; hand grants and the owner stay; another org is a 404", async () => {
    const { org, scim } = await scimOrg();
    // The IdP claims three console users (adoption by userName): a plain member, the IAM manager, the owner.
    const adopt = async (email: string) =>
      (await scim.post("/Users", { schemas: [CORE], userName: email, name: { givenName: "G", familyName: "M" } })).body.id as string;
    const member = await adopt(org.member.email);
    const iam = await adopt(org.iam.email);
    const owner = await adopt(org.owner.email);
    const created = await scim.post("/Groups", {
      schemas: [GROUP],
      displayName: uniqueGroupName("Admins"),
      members: [{ value: member }, { value: iam }, { value: owner }],
    });
    const groupId = created.body.id as string;

    const ownerCookie = await signIn(org.owner.email, org.owner.password);
    const memberCookie = await signIn(org.member.email, org.member.password);
    const scimSettings = `/api/organizations/${org.orgId}/scim`;
    const mapping = `/api/organizations/${org.orgId}/groups/${groupId}/mapping`;
    expect((await consoleApi(memberCookie, "GET", scimSettings)).status).toBe(403);

    // The member without a permission cannot map (nor preview).
    expect((await consoleApi(memberCookie, "GET", `${mapping}?permission=iam`)).status).toBe(403);
    expect((await consoleApi(memberCookie, "PUT", mapping, { permission: "iam" })).status).toBe(403);

    const preview = await consoleApi<{ gain: { count: number; names: string[] }; lose: { count: number } }>(
      ownerCookie,
      "GET",
      `${mapping}?permission=iam`,
    );
    expect(preview.status).toBe(200);
    expect(preview.body.gain).toEqual({ count: 1, names: [org.member.email] });
    expect(preview.body.lose.count).toBe(0);
    expect((await consoleApi(memberCookie, "GET", scimSettings)).status).toBe(403); // a preview changes nothing

    const saved = await consoleApi<{ gain: { count: number } }>(ownerCookie, "PUT", mapping, { permission: "iam" });
    expect(saved.status).toBe(200);
    expect(saved.body.gain.count).toBe(1);
    expect((await consoleApi(memberCookie, "GET", scimSettings)).status).toBe(200);
    const groups = await consoleApi<{ items: { id: string; permission: string | null; memberCount: number }[] }>(
      memberCookie,
      "GET",
      `/api/organizations/${org.orgId}/groups`,
    );
    expect(groups.body.items.find((g) => g.id === groupId)).toMatchObject({ permission: "iam", memberCount: 3 });

    // The IdP removes the member: the very next request is refused; adds it back: allowed again.
    await scim.patch(`/Groups/${groupId}`, [{ op: "remove", path: `members[value eq "${member}"]` }]);
    expect((await consoleApi(memberCookie, "GET", scimSettings)).status).toBe(403);
    await scim.patch(`/Groups/${groupId}`, [{ op: "add", path: "members", value: [{ value: member }] }]);
    expect((await consoleApi(memberCookie, "GET", scimSettings)).status).toBe(200);

    // Removing the mapping revokes only what it granted: the IAM manager (by hand) and the owner keep theirs.
    const unmapPreview = await consoleApi<{ lose: { count: number; names: string[] } }>(ownerCookie, "GET", `${mapping}?permission=none`);
    expect(unmapPreview.body.lose).toEqual({ count: 1, names: [org.member.email] });
    expect((await consoleApi(ownerCookie, "PUT", mapping, { permission: null })).status).toBe(200);
    expect((await consoleApi(memberCookie, "GET", scimSettings)).status).toBe(403);
    const iamCookie = await signIn(org.iam.email, org.iam.password);
    expect((await consoleApi(iamCookie, "GET", scimSettings)).status).toBe(200);
    expect((await consoleApi(ownerCookie, "GET", scimSettings)).status).toBe(200);

    // Bad input is a 400 with a sentence; another organization's group a 404.
    const bad = await consoleApi<{ error: { message: string } }>(ownerCookie, "PUT", mapping, { permission: "admin" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/permission/);
    const other = await scimOrg();
    const theirs = await other.scim.post("/Groups", { schemas: [GROUP], displayName: uniqueGroupName("Theirs") });
    expect(
      (await consoleApi(ownerCookie, "PUT", `/api/organizations/${org.orgId}/groups/${theirs.body.id}/mapping`, { permission: "iam" }))
        .status,
    ).toBe(404);
    expect((await consoleApi(ownerCookie, "GET", `/api/organizations/${org.orgId}/groups/${theirs.body.id}`)).status).toBe(404);

    const actions = (await eventsOf(org.orgId)).map((e) => e.action).filter((a) => a.startsWith("group."));
    expect(actions).toEqual([
      "group.mapping.created",
      "group.permission.granted",
      "group.permission.revoked",
      "group.permission.granted",
      "group.mapping.removed",
      "group.permission.revoked",
    ]);
    const granted = (await eventsOf(org.orgId, "group.permission.granted"))[0]!;
    expect(granted.detail).toContain(org.member.email);
  });

  it("deleting a mapped group revokes what it granted, and records it", async () => {
    const { org, scim } = await scimOrg();
    const member = (await scim.post("/Users", { schemas: [CORE], userName: org.member.email })).body.id as string;
    const created = await scim.post("/Groups", { schemas: [GROUP], displayName: uniqueGroupName("Ops"), members: [{ value: member }] });
    const ownerCookie = await signIn(org.owner.email, org.owner.password);
    const memberCookie = await signIn(org.member.email, org.member.password);
    expect(
      (await consoleApi(ownerCookie, "PUT", `/api/organizations/${org.orgId}/groups/${created.body.id}/mapping`, { permission: "iam" }))
        .status,
    ).toBe(200);
    expect((await consoleApi(memberCookie, "GET", `/api/organizations/${org.orgId}/scim`)).status).toBe(200);
    expect((await scim.delete(`/Groups/${created.body.id}`)).status).toBe(204);
    expect((await consoleApi(memberCookie, "GET", `/api/organizations/${org.orgId}/scim`)).status).toBe(403);
    expect((await eventsOf(org.orgId, "group.permission.revoked")).length).toBe(1);
  });

  it("the members list filters by group and member details list the groups", async () => {
    const { org, scim } = await scimOrg();
    const a = (await scim.post("/Users", { schemas: [CORE], userName: `a-${org.orgId.slice(0, 6)}@contoso.example` })).body.id as string;
    await scim.post("/Users", { schemas: [CORE], userName: `b-${org.orgId.slice(0, 6)}@contoso.example` });
    const name = uniqueGroupName("Filter");
    const g = await scim.post("/Groups", { schemas: [GROUP], displayName: name, members: [{ value: a }] });
    const cookie = await signIn(org.owner.email, org.owner.password);
    const list = await consoleApi<{ items: { id: string }[]; total: number }>(
      cookie,
      "GET",
      `/api/organizations/${org.orgId}/members?group=${g.body.id}`,
    );
    expect(list.body.items.map((m) => m.id)).toEqual([a]);
    const detail = await consoleApi<{ groups: { id: string; displayName: string }[] }>(
      cookie,
      "GET",
      `/api/organizations/${org.orgId}/members/${a}`,
    );
    expect(detail.body.groups).toEqual([{ id: g.body.id, displayName: name }]);
    const members = await consoleApi<{ members: { id: string }[]; total: number }>(
      cookie,
      "GET",
      `/api/organizations/${org.orgId}/groups/${g.body.id}`,
    );
    expect(members.body.total).toBe(1);
  });
});
