import type { SsoConnection } from "../../generated/prisma/client";
import { db } from "../../db";
import { isUniqueViolation } from "../../db/sql";
import { SsoRefusal, samlErrorReason } from "../refusal";
import { consumeRequest, type RequestData } from "../sso-requests";
import type { SsoUrls } from "../urls";
import { checkAssertion, checkRawResponse } from "./assertion-checks";
import { serviceProvider } from "./service-provider";

export interface ReceivedAssertion {
  username: string;
  /** What the SP-initiated request asked for (return path, test); empty when IdP-initiated. */
  request: RequestData;
  idpInitiated: boolean;
}

const MAX_RESPONSE_BYTES = 256 * 1024;

/** The ACS: verify the response (node-saml + assertion-checks.ts), then spend its request and assertion IDs once. */
export async function receiveSamlResponse(
  conn: SsoConnection,
  urls: SsoUrls,
  samlResponse: string,
  relayState: string | null,
): Promise<ReceivedAssertion> {
  if (!samlResponse || samlResponse.length > MAX_RESPONSE_BYTES)
    throw new SsoRefusal("invalid", "No SAMLResponse, or one that is too large.");
  const sp = serviceProvider(conn, urls);
  let profile;
  try {
    ({ profile } = await sp.validatePostResponseAsync({ SAMLResponse: samlResponse, ...(relayState ? { RelayState: relayState } : {}) }));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new SsoRefusal(samlErrorReason(message), message);
  }
  if (!profile) throw new SsoRefusal("invalid", "The response carries no assertion.");
  checkRawResponse(Buffer.from(samlResponse, "base64").toString("utf8"), urls.samlAcsUrl);
  const checked = checkAssertion(profile.getAssertionXml?.() ?? "", urls.samlAcsUrl, conn.samlEntityId ?? "");
  const inResponseTo = typeof profile.inResponseTo === "string" ? profile.inResponseTo : null;
  const request = inResponseTo ? await consumeRequest(inResponseTo, conn.organizationId, "saml") : {};
  if (!request) throw new SsoRefusal("unknown_request", `InResponseTo ${inResponseTo} was already answered or has expired.`);
  let username: string;
  try {
    await spendAssertionId(conn.organizationId, checked.assertionId, checked.usableUntil);
    username = usernameOf(conn, checked.nameId, profile.attributes);
    if (!username) throw new SsoRefusal("no_username");
  } catch (err) {
    // The request is spent: a Test sign-in's refusal is reported from here (test-failure.ts).
    if (err instanceof SsoRefusal) err.testBy = request.testBy;
    throw err;
  }
  const returnTo = request.returnTo ?? (!inResponseTo && relayState ? relayState : undefined);
  return { username, request: { ...request, returnTo }, idpInitiated: !inResponseTo };
}

function usernameOf(conn: SsoConnection, nameId: string, attributes: unknown): string {
  if (!conn.samlUsernameAttr) return nameId;
  const value = attributes && typeof attributes === "object" ? (attributes as Record<string, unknown>)[conn.samlUsernameAttr] : undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first.trim() : "";
}

/** One-time use, recorded in the database: a second presentation fails on every instance. */
async function spendAssertionId(orgId: string, assertionId: string, expiresAt: Date): Promise<void> {
  try {
    await db.samlAssertionUse.create({ data: { organizationId: orgId, assertionId, expiresAt } });
  } catch (err) {
    if (isUniqueViolation(err)) throw new SsoRefusal("replayed", `Assertion ${assertionId} was already used.`);
    throw err;
  }
}
