// `npm run demo:idp`: a local demo identity provider so a newcomer can try single sign-on end
// to end without an Entra tenant: a SAML IdP (samlify) and an OpenID Provider (oidc-provider) on
// loopback, whose sign-in pages take any username — type a seeded member's, e.g.
// alice.martin@acme.test. The OpenID Provider conforms by default (the username claims only from
// UserInfo, which the console then reads); DEMO_OIDC_MODE=entra-like puts them in the ID token,
// as Entra ID and Okta do. The signing key is kept in prisma/.demo-idp-key.json, so the metadata
// stays valid across restarts. Stop with Ctrl-C.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { db } from "../lib/db";
import { signingKey, type SigningKey } from "../tests/idp/keys";
import { OIDC_OP_MODES, OidcTestOp, rsaJwk, type OidcOpMode } from "../tests/idp/oidc-op";
import { SamlTestIdp } from "../tests/idp/saml-idp-server";

const SAML_PORT = Number(process.env.DEMO_SAML_PORT ?? 4010);
const OIDC_PORT = Number(process.env.DEMO_OIDC_PORT ?? 4011);
const OIDC_MODE = process.env.DEMO_OIDC_MODE ?? "conforming";
const APP_URL = (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
const KEY_FILE = "prisma/.demo-idp-key.json";
const METADATA_FILE = "prisma/.demo-idp-metadata.xml";
const CLIENT = { clientId: "console-demo", clientSecret: "demo-oidc-client-secret" };

async function demoKey(): Promise<{ saml: SigningKey; jwk: Record<string, unknown> }> {
  if (existsSync(KEY_FILE)) return JSON.parse(readFileSync(KEY_FILE, "utf8")) as { saml: SigningKey; jwk: Record<string, unknown> };
  const keys = { saml: await signingKey("demo-idp", 3650), jwk: rsaJwk("demo") };
  writeFileSync(KEY_FILE, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

function isMode(s: string): s is OidcOpMode {
  return (OIDC_OP_MODES as readonly string[]).includes(s);
}

async function main(): Promise<void> {
  if (!isMode(OIDC_MODE)) throw new Error(`DEMO_OIDC_MODE is "${OIDC_MODE}"; it must be one of ${OIDC_OP_MODES.join(", ")}.`);
  const keys = await demoKey();
  const orgs = await db.organization.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  const members = await db.member.findMany({
    select: { userName: true, organization: { select: { name: true } } },
    orderBy: { userName: "asc" },
    take: 20,
  });
  await db.$disconnect();
  const saml = await SamlTestIdp.start(SAML_PORT, keys.saml);
  const op = await OidcTestOp.start([{ ...CLIENT, redirectUris: orgs.map((o) => `${APP_URL}/sso/${o.id}/oidc/callback`) }], {
    port: OIDC_PORT,
    keys: [keys.jwk],
    mode: OIDC_MODE,
  });
  writeFileSync(METADATA_FILE, saml.metadataXml());
  console.info(`
Demo identity provider running (loopback only; Ctrl-C stops it).

1. Sign in to ${APP_URL} as the owner → Organization Settings → Single sign-on.
2. SAML 2.0: upload or paste ${METADATA_FILE} (the IdP's federation metadata), tick "Enable single sign-on", Save.
   or OpenID Connect: issuer ${op.issuer}, client ID ${CLIENT.clientId}, client secret ${CLIENT.clientSecret}
      (${OIDC_MODE === "conforming" ? "the username claim comes from UserInfo; DEMO_OIDC_MODE=entra-like puts it in the ID token" : "the username claim is in the ID token, as Entra ID sends it"}).
3. Open the organization's sign-in link in a private window, and at the IdP's page type a member's username:
${members.map((m) => `     ${m.userName}  (${m.organization.name})`).join("\n")}
   The IdP signs in any username; the console decides who that is (only members of that organization, unlocked).
   Provision new members over SCIM first (Automatic user provisioning), or lock one there to see the next page load refused.

Sign-in links:
${orgs.map((o) => `     ${o.name}: ${APP_URL}/sso/${o.id}`).join("\n")}
SAML IdP-initiated (the app tile):
${orgs.map((o) => `     ${o.name}: ${saml.url}/start?sp=${encodeURIComponent(`${APP_URL}/sso/${o.id}/saml/metadata`)}`).join("\n")}
`);
  const stop = () => void Promise.all([saml.stop(), op.stop()]).then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
