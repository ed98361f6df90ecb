// Replays Microsoft Entra ID's documented provisioning cycle (IDP-REQUESTS.md) step by step.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CORE, ENT, LIST, eventsOf, scimOrg, uniqueUserName, type ScimClient } from "./scim-client";

function entraUser(userName: string) {
  return {
    schemas: [CORE, ENT],
    externalId: randomUUID(),
    userName,
    active: true,
    emails: [{ primary: true, type: "work", value: userName.replace("@", ".mail@") }],
    meta: { resourceType: "User" },
    name: { formatted: "Grace Hopper", familyName: "Hopper", givenName: "Grace" },
    roles: [],
    title: null,
  };
}

/** Entra's match-or-create: search by userName, create on 0 results (`flag`: the Tenant URL's query string). */
async function matchOrCreate(scim: ScimClient, body: ReturnType<typeof entraUser>, flag = "") {
  const found = await scim.findByUserName(body.userName, flag ? `&${flag}` : "");
  expect(found.status).toBe(200);
  if (found.body.totalResults === 1) return found.body.Resources[0] as Record<string, unknown>;
  expect(found.body).toEqual({ schemas: [LIST], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
  const created = await scim.post(flag ? `/Users?${flag}` : "/Users", body);
  expect(created.status).toBe(201);
  return created.body;
}

describe.each([
  ["default settings", ""],
  ["Tenant URL with ?aadOptscim062020", "?aadOptscim062020"],
])("Microsoft Entra ID cycle — %s", (_label, flag) => {
  const q = (path: string) => path + (flag ? (path.includes("?") ? "&" : "?") + flag.slice(1) : "");

  it("test connection: an unknown userName is 200 with an empty ListResponse; Groups answers too", async () => {
    const { scim } = await scimOrg();
    const res = await scim.findByUserName(randomUUID(), flag ? "&aadOptscim062020" : "");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/scim+json; charset=utf-8");
    expect(res.body).toEqual({ schemas: [LIST], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
    const groups = await scim.get(q(`/Groups?filter=${encodeURIComponent(`displayName eq "${randomUUID()}"`)}`));
    expect(groups.status).toBe(200);
    expect(groups.body.Resources).toEqual([]);
  });

  it("create, re-match, update in both PATCH styles, disable, re-enable, hard delete", async () => {
    const { org, scim } = await scimOrg();
    const manager = await matchOrCreate(scim, entraUser(uniqueUserName("manager")));
    const sent = entraUser(uniqueUserName("grace"));

    // Initial cycle: 0 results → POST → 201 with Location and the full resource.
    const created = await matchOrCreate(scim, sent, flag.slice(1));
    const id = created.id as string;
    expect(created).toMatchObject({
      userName: sent.userName,
      externalId: sent.externalId,
      active: true,
      emails: sent.emails,
      name: sent.name,
    });
    expect(created).not.toHaveProperty("roles");
    expect(created).not.toHaveProperty("title");
    expect(created.meta).toMatchObject({ resourceType: "User", location: `${scim.base}/Users/${id}`, version: 'W/"1"' });

    // Next cycle: the filter finds it, with every value exactly as sent (nothing to re-PATCH).
    const again = await matchOrCreate(scim, sent, flag.slice(1));
    expect(again.id).toBe(id);
    expect(again).toMatchObject({ userName: sent.userName, emails: sent.emails, name: sent.name, externalId: sent.externalId });

    // Attribute update, default style: capitalised ops, one per attribute, string booleans.
    let res = await scim.patch(q(`/Users/${id}`), [
      { op: "Replace", path: 'emails[type eq "work"].value', value: "updatedEmail@contoso.com" },
      { op: "Replace", path: "name.familyName", value: "updatedFamilyName" },
      { op: "Add", path: `${ENT}:department`, value: "Retail" },
      { op: "Add", path: `${ENT}:manager`, value: manager.id },
      { op: "Add", path: 'phoneNumbers[type eq "mobile"].value', value: "+1 555 0100" },
      { op: "Add", path: 'addresses[type eq "work"].locality', value: "Arlington" },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.emails).toEqual([{ primary: true, type: "work", value: "updatedEmail@contoso.com" }]);
    expect(res.body.phoneNumbers).toEqual([{ type: "mobile", value: "+1 555 0100" }]);
    expect(res.body.addresses).toEqual([{ type: "work", locality: "Arlington" }]);
    expect(res.body[ENT]).toEqual({
      department: "Retail",
      manager: { value: manager.id, $ref: `${scim.base}/Users/${manager.id}`, displayName: "Grace Hopper" },
    });
    expect(res.body.meta.version).toBe('W/"2"');

    // Attribute update, aadOptscim062020 style: path-less op with dotted and URN keys.
    res = await scim.patch(q(`/Users/${id}`), [
      { op: "replace", path: 'emails[type eq "work"].value', value: "Test@contoso.com" },
      {
        op: "replace",
        value: { displayName: "Bjfe", "name.givenName": "Kkom", "name.familyName": "Unua", [`${ENT}:employeeNumber`]: "Aklq" },
      },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ displayName: "Bjfe", name: { formatted: "Grace Hopper", givenName: "Kkom", familyName: "Unua" } });
    expect(res.body[ENT]).toMatchObject({ employeeNumber: "Aklq", department: "Retail" });

    // Columns and derived rows follow every write.
    const row = await db.member.findUniqueOrThrow({ where: { id }, include: { emails: true } });
    expect(row).toMatchObject({
      scimManaged: true,
      locked: false,
      email: "Test@contoso.com",
      emailLower: "test@contoso.com",
      givenName: "Kkom",
      familyNameLower: "unua",
      displayName: "Kkom Unua", // product rule; the IdP's "Bjfe" round-trips in the resource
      displayNameLower: "kkom unua",
      version: 3,
    });
    expect(row.emails.map((e) => [e.valueLower, e.type, e.primary])).toEqual([["test@contoso.com", "work", true]]);

    // Re-sending the same values (Entra's next cycle) changes nothing.
    res = await scim.patch(q(`/Users/${id}`), [{ op: "replace", value: { displayName: "Bjfe", "name.givenName": "Kkom" } }]);
    expect(res.body.meta.version).toBe('W/"3"');

    // Disable (unassign / soft delete): active false locks; the user is still returned.
    res = await scim.patch(q(`/Users/${id}`), [{ op: flag ? "replace" : "Replace", path: "active", value: flag ? false : "False" }]);
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect((await db.member.findUniqueOrThrow({ where: { id } })).locked).toBe(true);
    const inactive = await scim.findByUserName(sent.userName);
    expect(inactive.body.Resources[0]).toMatchObject({ id, active: false });

    // Re-enable.
    res = await scim.patch(q(`/Users/${id}`), [{ op: flag ? "replace" : "Replace", path: "active", value: flag ? true : "True" }]);
    expect(res.body.active).toBe(true);
    expect((await db.member.findUniqueOrThrow({ where: { id } })).locked).toBe(false);

    // Hard delete: 204, then 404 by id and an empty filter answer.
    const deleted = await scim.delete(q(`/Users/${id}`));
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect((await scim.get(q(`/Users/${id}`))).status).toBe(404);
    expect((await scim.findByUserName(sent.userName)).body.totalResults).toBe(0);
    expect(await db.member.findUnique({ where: { id } })).toBeNull();
    expect(await db.memberEmail.count({ where: { memberId: id } })).toBe(0);

    const actions = (await eventsOf(org.orgId)).filter((e) => e.targetId === id).map((e) => e.action);
    expect(actions).toEqual([
      "scim.user.created",
      "scim.user.updated",
      "scim.user.updated",
      "scim.user.locked",
      "scim.user.unlocked",
      "scim.user.deleted",
    ]);
    const tokenEvents = (await eventsOf(org.orgId)).filter((e) => e.action.startsWith("scim.user."));
    expect(tokenEvents.every((e) => e.actorType === "token" && e.actorLabel?.startsWith("scim_") && e.actorLabel.length === 11)).toBe(true);
  });

  it('a user without a work email gets one from emails[type eq "work"].value', async () => {
    const { scim } = await scimOrg();
    const { emails: _emails, ...body } = entraUser(uniqueUserName("noemail"));
    const created = await scim.post(q("/Users"), body);
    expect(created.status).toBe(201);
    const res = await scim.patch(q(`/Users/${created.body.id}`), [
      { op: flag ? "replace" : "Replace", path: 'emails[type eq "work"].value', value: "new@contoso.com" },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.emails).toEqual([{ type: "work", value: "new@contoso.com", primary: true }]);
    const filtered = await scim.get(`/Users?filter=${encodeURIComponent('emails[type eq "work"].value eq "NEW@contoso.com"')}`);
    expect(filtered.body.Resources.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
  });
});
