import { reportTest, type Method, type SignInOutcome } from "./complete-sign-in";
import { SsoRefusal } from "./refusal";
import { consumeRequest, type SsoRequestKind } from "./sso-requests";
import { attrs, parseXml } from "./saml/xml";

/**
 * A refused answer to a Test sign-in is reported on the settings page, not on /login. Which
 * request it answered is read before verification (nothing else is trusted from it), or, when
 * the refusal came after the request was spent, carried by the refusal.
 */
export async function testFailureOutcome(
  orgId: string,
  method: Method,
  kind: SsoRequestKind,
  requestId: string | null,
  err: unknown,
): Promise<SignInOutcome | null> {
  if (!(err instanceof SsoRefusal)) return null;
  const testBy = err.testBy ?? (requestId ? (await consumeRequest(requestId, orgId, kind).catch(() => null))?.testBy : undefined);
  if (!testBy) return null;
  return reportTest(orgId, method, err.asserted ?? null, null, testBy, err);
}

export function rawInResponseTo(samlResponse: string): string | null {
  try {
    const doc = parseXml(Buffer.from(samlResponse, "base64").toString("utf8"));
    return doc ? (attrs("/samlp:Response/@InResponseTo", doc)[0] ?? null) : null;
  } catch {
    return null;
  }
}
