// One definition of "holds the IAM permission" (lib/groups/store/iam-permission.ts), read by
// every part that asks it. A member who holds it only through a mapped group is, in the same
// state, an IAM manager on the members page, among the token expiry emails' recipients, counted
// by the mapping preview and allowed by the access decision; after the IdP takes her out of
// the group, none of them counts her any more. A second mapped group checks "through another
// group" (the preview's "without this group").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { MemberDetail, MemberPage } from "@/lib/members/member-view";
import { smtpMailer } from "@/lib/notifications/mailer";
import { checkTokenExpiry } from "@/lib/notifications/token-expiry-check";
import { consoleApi, signIn } from "../../helpers/console-client";
import { mailsTo, startSmtp, type TestSmtp } from "../../helpers/smtp";
import { CORE, eventsOf, scimOrg } from "../scim/scim-client";
import { GROUP, uniqueGroupName } from "./group-client";

const DAY = 86_400_000;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => smtp.stop());

interface Preview {
  gain: { count: number; names: string[] };
  lose: { count: number; names: string[] };
}

describe("the IAM permission through a mapped group, as every part reads it", () => {
  it("members page, expiry emails, mapping preview and access decision agree, before and after she leaves the group", async () => {
    const { org, scim } = await scimOrg();
    // Grace: the console member the IdP claims (adoption by userName), with no permission by hand.
    const grace = org.member;
    const graceId = (
      await scim.post("/Users", { schemas: [CORE], userName: grace.email, name: { givenName: "Grace", familyName: "Hopper" } })
    ).body.id as string;
    const cloudAdmins = (
      await scim.post("/Groups", { schemas: [GROUP], displayName: uniqueGroupName("Cloud Admins"), members: [{ value: graceId }] })
    ).body.id as string;
    const auditors = (
      await scim.post("/Groups", { schemas: [GROUP], displayName: uniqueGroupName("Auditors"), members: [{ value: graceId }] })
    ).body.id as string;

    const owner = (await signIn(org.owner.email, org.owner.password))!;
    const graceCookie = (await signIn(grace.email, grace.password))!;
    const mapping = (groupId: string) => `/api/organizations/${org.orgId}/groups/${groupId}/mapping`;
    const preview = async (groupId: string, permission: "iam" | "none") =>
      (await consoleApi<Preview>(owner, "GET", `${mapping(groupId)}?permission=${permission}`)).body;
    const map = async (groupId: string, permission: "iam" | null) =>
      expect((await consoleApi(owner, "PUT", mapping(groupId), { permission })).status).toBe(200);
    const onMembersPage = async () => {
      const page = await consoleApi<MemberPage>(
        owner,
        "GET",
        `/api/organizations/${org.orgId}/members?q=${encodeURIComponent(grace.email)}`,
      );
      const detail = await consoleApi<MemberDetail>(owner, "GET", `/api/organizations/${org.orgId}/members/${graceId}`);
      expect(page.body.items).toHaveLength(1);
      const pick = ({ roleLabel, iam, iamSource }: MemberDetail) => ({ roleLabel, iam, iamSource });
      expect(pick(detail.body)).toEqual(pick(page.body.items[0] as MemberDetail));
      return pick(detail.body);
    };
    const scimSettingsStatus = async () => (await consoleApi(graceCookie, "GET", `/api/organizations/${org.orgId}/scim`)).status;
    const { expiresAt } = await db.scimToken.findFirstOrThrow({ where: { organizationId: org.orgId } });
    const emailed = async (daysBefore: number) => {
      const result = await checkTokenExpiry(new Date(expiresAt.getTime() - daysBefore * DAY), {
        mailer: smtpMailer(smtp.url, "SCIM console <console@test.example>"),
        origin: "https://console.test.example",
        organizationIds: [org.orgId],
      });
      return {
        recipients: result.sent.map((s) => s.recipients),
        mails: [org.owner, org.iam, grace].map((p) => mailsTo(smtp, p.email).length),
      };
    };

    // Not mapped yet: a member, and the preview counts her as the one who would gain it.
    expect(await onMembersPage()).toEqual({ roleLabel: "Member", iam: { byHand: false, byGroup: false }, iamSource: null });
    expect((await preview(cloudAdmins, "iam")).gain).toEqual({ count: 1, names: [grace.email] });
    await map(cloudAdmins, "iam");

    // Through the group alone: all four say so.
    expect(await onMembersPage()).toEqual({
      roleLabel: "IAM manager",
      iam: { byHand: false, byGroup: true },
      iamSource: "through a group",
    });
    expect(await scimSettingsStatus()).toBe(200);
    expect(await emailed(29)).toEqual({ recipients: [3], mails: [1, 1, 1] }); // the owner, the IAM manager by hand, Grace
    expect((await preview(cloudAdmins, "none")).lose).toEqual({ count: 1, names: [grace.email] });
    expect((await preview(auditors, "iam")).gain.count).toBe(0); // she already holds it

    // Through another mapped group as well: removing one mapping would take nothing from her.
    await map(auditors, "iam");
    expect((await preview(cloudAdmins, "none")).lose.count).toBe(0);
    expect((await preview(auditors, "none")).lose.count).toBe(0);
    await map(auditors, null);
    expect(await onMembersPage()).toMatchObject({ roleLabel: "IAM manager", iamSource: "through a group" });

    // The IdP takes her out of the mapped group: none of them counts her any more.
    expect((await scim.patch(`/Groups/${cloudAdmins}`, [{ op: "remove", path: `members[value eq "${graceId}"]` }])).status).toBe(204);
    expect(await onMembersPage()).toEqual({ roleLabel: "Member", iam: { byHand: false, byGroup: false }, iamSource: null });
    expect(await scimSettingsStatus()).toBe(403);
    expect(await emailed(6)).toEqual({ recipients: [2], mails: [2, 2, 1] });
    expect((await preview(cloudAdmins, "none")).lose.count).toBe(0);
    expect((await preview(auditors, "iam")).gain).toEqual({ count: 1, names: [grace.email] }); // still in the other group

    // The permission changes were recorded with her name, once each way.
    const changes = (await eventsOf(org.orgId))
      .filter((e) => e.action.startsWith("group.permission."))
      .map((e) => [e.action, e.detail?.includes(grace.email)]);
    expect(changes).toEqual([
      ["group.permission.granted", true],
      ["group.permission.revoked", true],
    ]);
  });
});
