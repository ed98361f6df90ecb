// The access matrix's world: one organization whose IdP (SAML or OpenID Connect) provisions
// four console members over SCIM, one per way of holding the IAM permission (by hand, through
// a mapped group, both, none), each signed in twice: with a password and through the IdP.
// Everything the IdP and the owner do goes through the real APIs.
import { consoleApi, signIn } from "../../helpers/console-client";
import {
  createConsoleMember,
  createOrganization,
  enableScimWithToken,
  type TestAccount,
  type TestOrganization,
} from "../../helpers/fixtures";
import { baseUrl } from "../../helpers/server";
import { Browser, type Hop } from "../../helpers/sso-browser";
import { signingKey, type SigningKey } from "../../idp/keys";
import { OidcTestOp } from "../../idp/oidc-op";
import { signedResponse } from "../../idp/saml-response";
import { CORE, ScimClient } from "../scim/scim-client";
import { GROUP, uniqueGroupName } from "../groups/group-client";
import { postToAcs, urlsOf } from "../sso/fixtures";

export type Protocol = "saml" | "oidc";
export type Grant = "hand" | "group" | "both" | "none";
export const GRANTS: readonly Grant[] = ["hand", "group", "both", "none"];
export const byHand = (g: Grant) => g === "hand" || g === "both";
export const inMappedGroup = (g: Grant) => g === "group" || g === "both";

export interface SignInResult {
  cookie: string | null;
  /** Where the sign-in sent the browser (path), or the refusal's reason. */
  landing: string;
  reason: string | null;
}

export interface Person {
  grant: Grant;
  account: TestAccount;
  /** Her SCIM id: the same member, adopted by the IdP through its userName. */
  id: string;
  password: string;
  sso: string;
}

const SAML_ENTITY = "https://idp.access.test/saml";
const OIDC_SECRET = "access-matrix-oidc-secret";

export class World {
  private constructor(
    readonly protocol: Protocol,
    readonly org: TestOrganization,
    readonly scim: ScimClient,
    readonly ownerCookie: string,
    private readonly samlKey: SigningKey | null,
    private readonly op: OidcTestOp | null,
  ) {}

  people: Person[] = [];
  groupId = "";
  readonly groupName = uniqueGroupName("Cloud Admins");

  static async create(protocol: Protocol): Promise<World> {
    const org = await createOrganization();
    const scim = new ScimClient(org.orgId, await enableScimWithToken(org));
    const ownerCookie = await signIn(org.owner.email, org.owner.password);
    if (!ownerCookie) throw new Error("owner sign-in failed");
    const samlKey = protocol === "saml" ? await signingKey("access-matrix") : null;
    // The conforming OP (the username claim from UserInfo): how the session was established must not matter.
    const op =
      protocol === "oidc"
        ? await OidcTestOp.start(
            [{ clientId: "access-matrix", clientSecret: OIDC_SECRET, redirectUris: [urlsOf(org.orgId).redirectUri] }],
            { mode: "conforming" },
          )
        : null;
    const world = new World(protocol, org, scim, ownerCookie, samlKey, op);
    await world.setSso(true);
    await world.provision();
    return world;
  }

  stop(): Promise<void> {
    return this.op?.stop() ?? Promise.resolve();
  }

  private async provision(): Promise<void> {
    const accounts = await Promise.all(GRANTS.map((g) => createConsoleMember(this.org.orgId, `grant-${g}`, byHand(g))));
    const ids: string[] = [];
    for (const account of accounts) {
      // The IdP claims the console member by userName (adoption): the same member, now SCIM-managed.
      const res = await this.scim.post("/Users", {
        schemas: [CORE],
        userName: account.email,
        name: { givenName: "Grace", familyName: "Hopper" },
        emails: [{ value: account.email, primary: true }],
      });
      if (res.status !== 201 || res.body.id !== account.memberId) throw new Error(`adoption failed: ${res.status} ${res.text}`);
      ids.push(account.memberId);
    }
    // Every one of them is in a group that is not mapped: it must grant nothing.
    const readers = await this.scim.post("/Groups", {
      schemas: [GROUP],
      displayName: uniqueGroupName("Readers"),
      members: ids.map((value) => ({ value })),
    });
    if (readers.status !== 201) throw new Error(`POST /Groups answered ${readers.status}`);
    await this.pushGroup(GRANTS.flatMap((g, i) => (inMappedGroup(g) ? [ids[i] ?? ""] : [])));
    this.people = await Promise.all(
      GRANTS.map(async (grant, i) => {
        const account = accounts[i] as TestAccount;
        const password = await signIn(account.email, account.password);
        const sso = (await this.signInWithSso(account.email)).cookie;
        if (!password || !sso) throw new Error(`sign-in of ${account.email} failed`);
        return { grant, account, id: account.memberId, password, sso };
      }),
    );
  }

  /** The IdP pushes the group with these members; the owner maps it to the IAM permission. */
  async pushGroup(memberIds: string[]): Promise<void> {
    const res = await this.scim.post("/Groups", {
      schemas: [GROUP],
      displayName: this.groupName,
      members: memberIds.map((value) => ({ value })),
    });
    if (res.status !== 201) throw new Error(`POST /Groups answered ${res.status}: ${res.text}`);
    this.groupId = String(res.body.id);
    await this.map("iam");
  }

  get grouped(): Person[] {
    return this.people.filter((p) => inMappedGroup(p.grant));
  }

  async map(permission: "iam" | null): Promise<void> {
    const res = await consoleApi(this.ownerCookie, "PUT", `/api/organizations/${this.org.orgId}/groups/${this.groupId}/mapping`, {
      permission,
    });
    if (res.status !== 200) throw new Error(`mapping answered ${res.status}: ${JSON.stringify(res.body)}`);
  }

  async groupPatch(op: "add" | "remove"): Promise<void> {
    const Operations =
      op === "remove"
        ? this.grouped.map((p) => ({ op: "remove", path: `members[value eq "${p.id}"]` }))
        : [{ op: "add", path: "members", value: this.grouped.map((p) => ({ value: p.id })) }];
    const res = await this.scim.patch(`/Groups/${this.groupId}`, Operations);
    if (res.status !== 200 && res.status !== 204) throw new Error(`PATCH /Groups answered ${res.status}: ${res.text}`);
  }

  async deleteGroup(): Promise<void> {
    const res = await this.scim.delete(`/Groups/${this.groupId}`);
    if (res.status !== 204) throw new Error(`DELETE /Groups answered ${res.status}`);
  }

  async setActive(active: boolean): Promise<void> {
    for (const p of this.people) {
      const res = await this.scim.patch(`/Users/${p.id}`, [{ op: "replace", path: "active", value: active }]);
      if (res.status !== 200) throw new Error(`PATCH /Users answered ${res.status}: ${res.text}`);
    }
  }

  async setSso(enabled: boolean): Promise<void> {
    const body =
      this.protocol === "saml"
        ? {
            protocol: "saml",
            enabled,
            requireSso: false,
            saml: { entityId: SAML_ENTITY, ssoUrl: "https://idp.access.test/sso", certificates: [this.samlKey?.cert] },
          }
        : {
            protocol: "oidc",
            enabled,
            requireSso: false,
            oidc: { issuer: this.op?.issuer, clientId: "access-matrix", clientSecret: OIDC_SECRET, usernameClaim: "preferred_username" },
          };
    const res = await consoleApi(this.ownerCookie, "PUT", `/api/organizations/${this.org.orgId}/sso`, body);
    if (res.status !== 200) throw new Error(`saving the SSO connection answered ${res.status}: ${JSON.stringify(res.body)}`);
  }

  async disableScim(): Promise<void> {
    const res = await consoleApi(this.ownerCookie, "POST", `/api/organizations/${this.org.orgId}/scim/disable`, { confirm: "Disable" });
    if (res.status !== 200) throw new Error(`disabling SCIM answered ${res.status}`);
  }

  /** Every SSO session anew (after SSO was turned back on). */
  async signInAgain(): Promise<void> {
    for (const p of this.people) {
      const again = await this.signInWithSso(p.account.email);
      if (!again.cookie) throw new Error(`sign-in of ${p.account.email} refused: ${again.reason}`);
      p.sso = again.cookie;
    }
  }

  /** A sign-in through the organization's IdP, as the browser does it. */
  async signInWithSso(username: string): Promise<SignInResult> {
    const base = baseUrl();
    if (this.samlKey) {
      const u = urlsOf(this.org.orgId);
      const r = await postToAcs(
        this.org.orgId,
        await signedResponse({ entityId: SAML_ENTITY, acsUrl: u.acs, audience: u.entityId, nameId: username, key: this.samlKey }),
      );
      return { cookie: r.cookie, landing: new URL(r.location, base).pathname, reason: r.reason };
    }
    // A fresh browser each time: the OP would otherwise remember the previous person.
    const browser = new Browser();
    const login = await browser.go(urlsOf(this.org.orgId).signIn);
    // Refused before the IdP (single sign-on turned off): the start sends the browser back to /login.
    const refusedAtStart = new URL(login.url).searchParams.get("sso_error");
    if (refusedAtStart) return { cookie: null, landing: new URL(login.url).pathname, reason: refusedAtStart };
    const hops: Hop[] = [];
    await browser.submit(login, { login: username, password: "any" }, hops);
    const callback = hops.find((h) => h.url.includes("/oidc/callback"));
    if (!callback?.location) throw new Error(`the OIDC sign-in of ${username} never reached the callback`);
    const session = browser.cookie(base, "next-auth.session-token");
    const to = new URL(callback.location);
    return {
      cookie: session ? `next-auth.session-token=${session}` : null,
      landing: to.pathname,
      reason: to.searchParams.get("sso_error"),
    };
  }
}
