import { DOMParser } from "@xmldom/xmldom";
import xpath from "xpath";

// XML reading for SAML metadata and the verified assertion: namespaced XPath, nodes as an array.

const ns = xpath.useNamespaces({
  md: "urn:oasis:names:tc:SAML:2.0:metadata",
  ds: "http://www.w3.org/2000/09/xmldsig#",
  saml: "urn:oasis:names:tc:SAML:2.0:assertion",
  samlp: "urn:oasis:names:tc:SAML:2.0:protocol",
});

export function parseXml(xml: string): Document | null {
  let failed = false;
  const onError = () => void (failed = true);
  const doc = new DOMParser({ errorHandler: { error: onError, fatalError: onError } }).parseFromString(xml, "text/xml");
  return failed || !doc?.documentElement ? null : (doc as unknown as Document);
}

export function nodes(expr: string, ctx: Node): Node[] {
  const r = ns(expr, ctx);
  return Array.isArray(r) ? r : [];
}

export const elements = (expr: string, ctx: Node): Element[] => nodes(expr, ctx).filter((n): n is Element => n.nodeType === 1);
export const attrs = (expr: string, ctx: Node): string[] => nodes(expr, ctx).map((n) => (n as Attr).value);
