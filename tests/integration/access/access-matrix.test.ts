// One access rule for every session: {password, SAML, OIDC session} × {IAM permission by hand,
// through a mapped group, both, none} × what the IdP and the owner do next. After each change
// the very next request of every session is checked — the SCIM settings API, the organization
// list, My account — and the owner's members page must show what the rule decided.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleApi } from "../../helpers/console-client";
import { baseUrl } from "../../helpers/server";
import { byHand, inMappedGroup, World, type Grant, type Person, type Protocol } from "./world";

interface State {
  inGroup: boolean;
  groupMapped: boolean;
  locked: boolean;
  sso: boolean;
  scim: boolean;
}

interface Step {
  name: string;
  change: (w: World) => Promise<void>;
  state: Partial<State>;
  /** A new sign-in through the IdP is refused, with this reason. */
  refusal?: string;
}

// In order: each step starts from the state the previous one left (sign-ins are reused as long as they stand).
const STEPS: Step[] = [
  { name: "as provisioned", change: async () => {}, state: {} },
  { name: "taken out of the group", change: (w) => w.groupPatch("remove"), state: { inGroup: false } },
  { name: "added back to the group", change: (w) => w.groupPatch("add"), state: { inGroup: true } },
  { name: "mapping removed", change: (w) => w.map(null), state: { groupMapped: false } },
  { name: "mapping restored", change: (w) => w.map("iam"), state: { groupMapped: true } },
  { name: "group deleted", change: (w) => w.deleteGroup(), state: { groupMapped: false } },
  { name: "group pushed again and mapped", change: (w) => w.pushGroup(w.grouped.map((p) => p.id)), state: { groupMapped: true } },
  { name: "locked by the IdP", change: (w) => w.setActive(false), state: { locked: true }, refusal: "locked" },
  { name: "unlocked by the IdP", change: (w) => w.setActive(true), state: { locked: false } },
  { name: "SSO turned off", change: (w) => w.setSso(false), state: { sso: false }, refusal: "sso_disabled" },
  {
    name: "SSO turned on again (signed in anew)",
    change: async (w) => {
      await w.setSso(true);
      await w.signInAgain();
    },
    state: { sso: true },
  },
  { name: "SCIM turned off", change: (w) => w.disableScim(), state: { scim: false }, refusal: "scim_disabled" },
];

type Outcome = "ended" | "locked" | "manager" | "member";
type SessionKind = "password" | "sso";

/** The rule as the product states it (ARCHITECTURE.md, "Sign-in follows the directory", "Groups grant, hands grant"). */
function holdsIam(grant: Grant, s: State): boolean {
  return byHand(grant) || (inMappedGroup(grant) && s.inGroup && s.groupMapped);
}
function outcome(kind: SessionKind, grant: Grant, s: State): Outcome {
  // Every member here is SCIM-managed: her SSO session stands on both switches.
  if (kind === "sso" && (!s.sso || !s.scim)) return "ended";
  if (s.locked) return "locked";
  return holdsIam(grant, s) ? "manager" : "member";
}

const SCIM_STATUS: Record<Outcome, number> = { ended: 401, locked: 403, manager: 200, member: 403 };

async function nextRequests(w: World, cookie: string) {
  const orgId = w.org.orgId;
  const [scim, orgs, account] = await Promise.all([
    consoleApi(cookie, "GET", `/api/organizations/${orgId}/scim`),
    consoleApi<{ organizations?: { id: string; permissions: string[] }[] }>(cookie, "GET", "/api/organizations"),
    fetch(`${baseUrl()}/account`, { headers: { Cookie: cookie }, redirect: "manual" }),
  ]);
  return {
    scim: scim.status,
    orgsStatus: orgs.status,
    orgs: orgs.body.organizations,
    account: { status: account.status, location: account.headers.get("location") ?? "", html: await account.text() },
  };
}

function expectAnswers(label: string, got: Awaited<ReturnType<typeof nextRequests>>, o: Outcome, w: World, p: Person) {
  expect(got.scim, `${label}: GET …/scim`).toBe(SCIM_STATUS[o]);
  if (o === "ended") {
    expect(got.orgsStatus, `${label}: GET /api/organizations`).toBe(401);
    expect(got.account.location, `${label}: My account`).toContain("/login?callbackUrl=");
    return;
  }
  expect(got.orgsStatus, `${label}: GET /api/organizations`).toBe(200);
  if (o === "locked") {
    expect(got.orgs, `${label}: GET /api/organizations`).toEqual([]);
    expect(got.account.location, `${label}: My account`).toContain("/login?error=locked");
    return;
  }
  expect(
    got.orgs?.map((org) => org.id),
    `${label}: GET /api/organizations`,
  ).toEqual([w.org.orgId]);
  expect(got.orgs?.[0]?.permissions.includes("provisioning:manage"), `${label}: permissions`).toBe(o === "manager");
  // My account still opens, and says what the rule decided.
  expect(got.account.status, `${label}: My account`).toBe(200);
  expect(got.account.html, `${label}: My account`).toContain(p.account.email);
  expect(got.account.html.includes("IAM manager"), `${label}: My account role`).toBe(o === "manager");
}

describe.each<Protocol>(["saml", "oidc"])("one access decision, %s world", (protocol) => {
  let w: World;
  const state: State = { inGroup: true, groupMapped: true, locked: false, sso: true, scim: true };

  beforeAll(async () => {
    w = await World.create(protocol);
  });
  afterAll(async () => w?.stop());

  it("a sign-in lands where the rule sends it: managers (by hand or through a group) on the console", async () => {
    for (const p of w.people) {
      const r = await w.signInWithSso(p.account.email);
      expect(r.landing, p.grant).toBe(holdsIam(p.grant, state) ? `/organizations/${w.org.orgId}` : "/account");
    }
  });

  it.each(STEPS)("$name: the very next request of every session", async (step) => {
    await step.change(w);
    Object.assign(state, step.state);
    const sessions = w.people.flatMap((p) => (["password", "sso"] as const).map((kind) => ({ p, kind })));
    const answers = await Promise.all(sessions.map(({ p, kind }) => nextRequests(w, kind === "password" ? p.password : p.sso)));
    sessions.forEach(({ p, kind }, i) => {
      const label = `${step.name} / ${kind === "sso" ? protocol : "password"} / ${p.grant}`;
      expectAnswers(label, answers[i] as Awaited<ReturnType<typeof nextRequests>>, outcome(kind, p.grant, state), w, p);
    });

    // The members page shows what the rule decided: the effective permission and where it comes from.
    const list = await consoleApi<{ items: { id: string; roleLabel: string; iam: { byHand: boolean; byGroup: boolean } }[] }>(
      w.ownerCookie,
      "GET",
      `/api/organizations/${w.org.orgId}/members`,
    );
    expect(list.status).toBe(200);
    for (const p of w.people) {
      const item = list.body.items.find((m) => m.id === p.id);
      const byGroup = inMappedGroup(p.grant) && state.inGroup && state.groupMapped;
      expect(item, `${step.name}: members page, ${p.grant}`).toMatchObject({
        roleLabel: holdsIam(p.grant, state) ? "IAM manager" : "Member",
        iam: { byHand: byHand(p.grant), byGroup },
      });
    }

    if (step.refusal) {
      const grouped = w.grouped[0] as Person;
      const r = await w.signInWithSso(grouped.account.email);
      expect({ cookie: r.cookie, reason: r.reason }).toEqual({ cookie: null, reason: step.refusal });
    }
  });
});
