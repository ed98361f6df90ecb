// npm run bench, sign-in case: the CPU cost of verifying one SAML response as the ACS does —
// node-saml (XML signature against the configured certificate, time window, audience) plus our
// assertion checks (Destination, Recipient, issuer, NameID) — without the two database writes.
// Prints one JSON line: { samlVerifyCpuMs, samples }.
import type { SsoConnection } from "../lib/generated/prisma/client";
import { checkAssertion, checkRawResponse } from "../lib/sso/saml/assertion-checks";
import { serviceProvider } from "../lib/sso/saml/service-provider";
import { ssoUrls } from "../lib/sso/urls";
import { signingKey } from "../tests/idp/keys";
import { signedResponse } from "../tests/idp/saml-response";

const N = Number(process.env.BENCH_SAML_SAMPLES ?? 300);
const ENTITY = "https://idp.bench.test/saml";

async function main() {
  const key = await signingKey("bench-idp");
  const urls = ssoUrls("http://127.0.0.1:3900", "bench-org");
  const conn = {
    organizationId: "bench-org",
    protocol: "saml",
    enabled: true,
    requireSso: false,
    samlEntityId: ENTITY,
    samlSsoUrl: "https://idp.bench.test/sso",
    samlCertificates: JSON.stringify([key.cert]),
  } as SsoConnection;
  // Entra's shape: the assertion signed (SHA-256), one attribute statement.
  const responses = await Promise.all(
    Array.from({ length: N + 20 }, (_, i) =>
      signedResponse({
        entityId: ENTITY,
        acsUrl: urls.samlAcsUrl,
        audience: urls.samlEntityId,
        nameId: `user${i}@bench.test`,
        key,
        attributes: { "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn": `user${i}@bench.test` },
      }),
    ),
  );
  const verify = async (b64: string) => {
    const { profile } = await serviceProvider(conn, urls).validatePostResponseAsync({ SAMLResponse: b64 });
    checkRawResponse(Buffer.from(b64, "base64").toString("utf8"), urls.samlAcsUrl);
    return checkAssertion(profile?.getAssertionXml?.() ?? "", urls.samlAcsUrl, ENTITY);
  };
  for (const r of responses.slice(0, 20)) await verify(r); // warm-up (JIT)
  const start = process.cpuUsage();
  for (const r of responses.slice(20)) await verify(r);
  const used = process.cpuUsage(start);
  console.log(JSON.stringify({ samlVerifyCpuMs: +((used.user + used.system) / 1000 / N).toFixed(3), samples: N }));
}

void main();
