import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ActivityPage } from "@/lib/audit/activity-view";
import type { ActivitySummary } from "@/lib/audit/summarize-activity";
import type { MemberDetail } from "@/lib/members/member-view";
import { consoleApi, signIn } from "../../helpers/console-client";
import { createOrganization, createToken, enableScimWithToken, type TestOrganization } from "../../helpers/fixtures";
import { ENTERPRISE, scim } from "./fixtures";

const SCIM_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

// End to end through the real SCIM API: what the IdP does shows up in the console, and no
// token — valid, deleted or made up — ever reaches the audit trail or the activity API.
describe("SCIM requests as the console sees them", () => {
  let org: TestOrganization;
  let cookie: string;
  let token: string;
  let deleted: string;
  const bogus = "scim_" + "x".repeat(43);
  const secrets = () => [token, deleted, bogus].map((t) => t.slice(5));

  beforeAll(async () => {
    org = await createOrganization();
    cookie = (await signIn(org.owner.email, org.owner.password))!;
    token = await enableScimWithToken(org);
    deleted = await createToken(org);
    const row = await db.scimToken.findFirstOrThrow({ where: { organizationId: org.orgId, prefix: deleted.slice(0, 11) } });
    expect((await consoleApi(cookie, "DELETE", `/api/organizations/${org.orgId}/scim/tokens/${row.id}`)).status).toBe(200);
  });

  it("provisions, renames, locks and deletes a user; the members page and the timeline follow", async () => {
    const created = await scim(org.orgId, token, "POST", "/Users", {
      schemas: [SCIM_USER, ENTERPRISE],
      userName: "grace@acme.test",
      externalId: "00u-grace",
      name: { givenName: "Grace", familyName: "Hopper" },
      emails: [{ value: "grace@acme.test", type: "work", primary: true }],
      title: "Rear Admiral",
      password: "never-stored-P@ss",
      [ENTERPRISE]: { department: "Navy", employeeNumber: "1906" },
      active: true,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const detail = await consoleApi<MemberDetail>(cookie, "GET", `/api/organizations/${org.orgId}/members/${id}`);
    expect(detail.body).toMatchObject({ userName: "grace@acme.test", displayName: "Grace Hopper", scimManaged: true, locked: false });
    expect(Object.fromEntries(detail.body.scim!.rows.map((r) => [r.label, r.value]))).toMatchObject({
      "External ID": "00u-grace",
      Title: "Rear Admiral",
      Department: "Navy",
    });
    expect(JSON.stringify(detail.body)).not.toContain("never-stored");

    const patch = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", path: "name.familyName", value: "Murray Hopper" }],
    };
    expect((await scim(org.orgId, token, "PATCH", `/Users/${id}`, patch)).status).toBe(200);
    const lock = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", path: "active", value: false }],
    };
    expect((await scim(org.orgId, token, "PATCH", `/Users/${id}`, lock)).status).toBe(200);
    const members = await consoleApi<{ items: { id: string; displayName: string; locked: boolean }[] }>(
      cookie,
      "GET",
      `/api/organizations/${org.orgId}/members?q=grace`,
    );
    expect(members.body.items).toEqual([expect.objectContaining({ id, displayName: "Grace Murray Hopper", locked: true })]);
    expect((await consoleApi(cookie, "PATCH", `/api/organizations/${org.orgId}/members/${id}`, { locked: false })).status).toBe(409);

    expect((await scim(org.orgId, token, "DELETE", `/Users/${id}`)).status).toBe(204);
    expect((await consoleApi(cookie, "GET", `/api/organizations/${org.orgId}/members/${id}`)).status).toBe(404);

    const timeline = await consoleApi<ActivityPage>(cookie, "GET", `/api/organizations/${org.orgId}/activity?action=provisioning`);
    expect(timeline.body.items.map((e) => e.action).reverse()).toEqual([
      "scim.user.created",
      "scim.user.updated",
      "scim.user.locked",
      "scim.user.deleted",
    ]);
    expect(
      timeline.body.items.every(
        (e) => e.actor.type === "token" && e.actor.label === token.slice(0, 11) && e.target?.label === "grace@acme.test",
      ),
    ).toBe(true);
  });

  it("records refused requests and failed authentications without the token or the body", async () => {
    expect(
      (await scim(org.orgId, token, "POST", "/Users", { schemas: [SCIM_USER], displayName: "No userName", password: "hunter2-secret" }))
        .status,
    ).toBe(400);
    expect((await scim(org.orgId, deleted, "GET", "/Users")).status).toBe(401);
    expect((await scim(org.orgId, bogus, "GET", "/Users")).status).toBe(401);
    expect((await scim(org.orgId, null, "GET", "/Users")).status).toBe(401);

    const failures = await consoleApi<ActivityPage>(cookie, "GET", `/api/organizations/${org.orgId}/activity?outcome=failure`);
    const byAction = (a: string) => failures.body.items.filter((e) => e.action === a);
    expect(byAction("scim.request.rejected")).toEqual([
      expect.objectContaining({ status: 400, target: expect.objectContaining({ label: "POST /Users" }) }),
    ]);
    const auth = byAction("scim.auth.failed");
    expect(auth).toHaveLength(3);
    expect(auth.map((e) => e.actor.label)).toContain(deleted.slice(0, 11)); // recognisable: its prefix
    expect(auth.every((e) => e.status === 401)).toBe(true);

    const summary = await consoleApi<ActivitySummary>(cookie, "GET", `/api/organizations/${org.orgId}/activity/summary`);
    expect(summary.body.failedRequests).toBe(4);
    expect(summary.body.failures.map((f) => f.reason).sort()).toEqual(["deleted_token", "invalid_token", "missing_token", "rejected"]);
    expect(summary.body.lastTokenUseAt).toEqual(expect.any(String));

    const rows = JSON.stringify(await db.auditEvent.findMany({ where: { organizationId: org.orgId } }));
    const api = JSON.stringify([
      failures.body,
      (await consoleApi(cookie, "GET", `/api/organizations/${org.orgId}/activity?pageSize=100`)).body,
      summary.body,
    ]);
    for (const text of [rows, api]) {
      for (const secret of secrets()) expect(text).not.toContain(secret);
      expect(text).not.toContain("hunter2-secret");
      expect(text).not.toContain("never-stored");
    }
  });
});
