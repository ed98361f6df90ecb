import { CLOCK_SKEW_MS } from "./service-provider";
import { attrs, elements, parseXml } from "./xml";
import { SsoRefusal } from "../refusal";

// Checks node-saml leaves to the caller, made on the signature-verified assertion it returns
// (never on the raw message, except the Response's Destination, which may sit outside it).

export interface CheckedAssertion {
  assertionId: string;
  /** Until when the assertion could be presented again: the replay guard keeps its ID that long. */
  usableUntil: Date;
  nameId: string;
}

function parse(xml: string): Document {
  const doc = parseXml(xml);
  if (!doc) throw new SsoRefusal("invalid", "The response is not well-formed XML.");
  return doc;
}

/**
 * On the message as received: the verified bytes node-saml hands back are canonicalised
 * without comments, so a comment inside the NameID (CVE-2017-11427 and kin) is visible only
 * here. We refuse it rather than guess which name was meant.
 */
export function checkRawResponse(responseXml: string, acsUrl: string): void {
  const doc = parse(responseXml);
  const nameIds = elements("//saml:NameID", doc);
  if (nameIds.some((n) => Array.from(n.childNodes).some((c) => c.nodeType !== 3))) {
    throw new SsoRefusal("malformed_nameid", "The NameID contains a comment or markup.");
  }
  const destination = attrs("/samlp:Response/@Destination", doc)[0];
  if (destination !== undefined && destination !== acsUrl)
    throw new SsoRefusal("wrong_destination", `The response was addressed to ${destination}, not to this organization's ACS URL.`);
}

export function checkAssertion(assertionXml: string, acsUrl: string, idpEntityId: string, now = new Date()): CheckedAssertion {
  const doc = parse(assertionXml);
  const assertion = elements("/saml:Assertion", doc)[0];
  if (!assertion) throw new SsoRefusal("invalid", "The response has no assertion.");
  const issuer = elements("saml:Issuer", assertion)[0]?.textContent?.trim();
  if (issuer !== idpEntityId)
    throw new SsoRefusal("wrong_issuer", `The assertion was issued by ${issuer ?? "nobody"}, not by the configured IdP (${idpEntityId}).`);
  const nameIdNode = elements("saml:Subject/saml:NameID", assertion)[0];
  // A comment splits the text into several nodes: a parser reading only the first would see a
  // shorter (another person's) name. Refused outright.
  if (nameIdNode && Array.from(nameIdNode.childNodes).some((n) => n.nodeType !== 3)) {
    throw new SsoRefusal("malformed_nameid", "The NameID contains a comment or markup; the IdP's assertion was tampered with.");
  }
  const recipients = attrs(
    "saml:Subject/saml:SubjectConfirmation[@Method='urn:oasis:names:tc:SAML:2.0:cm:bearer']/saml:SubjectConfirmationData/@Recipient",
    assertion,
  );
  if (!recipients.length) throw new SsoRefusal("wrong_recipient", "The assertion names no Recipient (bearer SubjectConfirmationData).");
  if (!recipients.includes(acsUrl))
    throw new SsoRefusal("wrong_recipient", `The assertion's Recipient is ${recipients.join(", ")}, not this organization's ACS URL.`);
  const id = assertion.getAttribute("ID");
  if (!id) throw new SsoRefusal("invalid", "The assertion has no ID.");
  const limits = [
    ...attrs("saml:Conditions/@NotOnOrAfter", assertion),
    ...attrs("saml:Subject/saml:SubjectConfirmation/saml:SubjectConfirmationData/@NotOnOrAfter", assertion),
  ]
    .map((t) => Date.parse(t))
    .filter((t) => Number.isFinite(t));
  const until = limits.length ? Math.max(...limits) + CLOCK_SKEW_MS : now.getTime() + 60 * 60 * 1000;
  return { assertionId: id, usableUntil: new Date(until), nameId: nameIdNode?.textContent?.trim() ?? "" };
}
