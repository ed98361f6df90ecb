import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inflateRawSync } from "node:zlib";
import * as samlify from "samlify";
import * as validator from "@authenio/samlify-node-xmllint";
import { signingKey, type SigningKey } from "./keys";
import { idpMetadataXml, signedResponse } from "./saml-response";

// A SAML 2.0 IdP on loopback (samlify in IdP mode) with its own sign-in page: SP-initiated
// (HTTP-Redirect AuthnRequest in, HTTP-POST Response out) and IdP-initiated (/start?sp=…).
// It signs in whatever username is typed, as an IdP's dev page does; the SP decides who that is.

samlify.setSchemaValidator(validator);

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

async function form(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

interface SpInfo {
  entityId: string;
  acsUrl: string;
}

/** Our SP metadata URL is our entity ID: the IdP reads the ACS from it. */
async function spInfo(metadataUrl: string): Promise<SpInfo> {
  const xml = await (await fetch(metadataUrl)).text();
  const sp = samlify.ServiceProvider({ metadata: xml });
  const acs = /<md:AssertionConsumerService[^>]*Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"[^>]*Location="([^"]+)"/.exec(
    xml,
  )?.[1];
  if (!acs) throw new Error(`No HTTP-POST ACS in the SP metadata at ${metadataUrl}`);
  return { entityId: sp.entityMeta.getEntityID(), acsUrl: acs };
}

export class SamlTestIdp {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly key: SigningKey,
    readonly signedIn: string[] = [],
  ) {}

  get entityId(): string {
    return `${this.url}/metadata`;
  }
  get ssoUrl(): string {
    return `${this.url}/sso`;
  }
  metadataXml(extraCerts: string[] = []): string {
    return idpMetadataXml(this.entityId, this.ssoUrl, [this.key.cert, ...extraCerts]);
  }

  static async start(port = 0, key?: SigningKey): Promise<SamlTestIdp> {
    const k = key ?? (await signingKey("saml-test-idp"));
    const ref: { idp?: SamlTestIdp } = {};
    const server = createServer((req, res) => void ref.idp?.handle(req, res).catch((err: unknown) => res.writeHead(500).end(String(err))));
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    ref.idp = new SamlTestIdp(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, k);
    return ref.idp;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    if (req.method === "GET" && url.pathname === "/metadata") {
      res.writeHead(200, { "Content-Type": "application/samlmetadata+xml" }).end(this.metadataXml());
    } else if (req.method === "GET" && url.pathname === "/sso") {
      // SP-initiated: the AuthnRequest names the SP (Issuer = its metadata URL) and its ID.
      const xml = inflateRawSync(Buffer.from(url.searchParams.get("SAMLRequest") ?? "", "base64")).toString("utf8");
      const id = /\sID="([^"]+)"/.exec(xml)?.[1] ?? "";
      const issuer = /<(?:saml2?:)?Issuer[^>]*>([^<]+)</.exec(xml)?.[1] ?? "";
      this.loginPage(res, { sp: issuer, inResponseTo: id, relayState: url.searchParams.get("RelayState") ?? "" });
    } else if (req.method === "GET" && url.pathname === "/start") {
      // IdP-initiated (the app tile in My Apps / the Okta dashboard): no request to answer.
      this.loginPage(res, { sp: url.searchParams.get("sp") ?? "", inResponseTo: "", relayState: url.searchParams.get("RelayState") ?? "" });
    } else if (req.method === "POST" && url.pathname === "/login") {
      const f = await form(req);
      const sp = await spInfo(f.get("sp") ?? "");
      const username = (f.get("username") ?? "").trim();
      this.signedIn.push(username);
      const samlResponse = await signedResponse({
        entityId: this.entityId,
        acsUrl: sp.acsUrl,
        audience: sp.entityId,
        nameId: username,
        inResponseTo: f.get("inResponseTo") || undefined,
        key: this.key,
      });
      const relay = f.get("relayState") ?? "";
      res
        .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
        .end(
          page(
            "Signing you in…",
            `<form id="post" method="post" action="${esc(sp.acsUrl)}"><input type="hidden" name="SAMLResponse" value="${esc(samlResponse)}">${relay ? `<input type="hidden" name="RelayState" value="${esc(relay)}">` : ""}<button type="submit">Continue</button></form><script>document.getElementById("post").submit()</script>`,
          ),
        );
    } else {
      res.writeHead(404).end("not found");
    }
  }

  private loginPage(res: ServerResponse, f: { sp: string; inResponseTo: string; relayState: string }): void {
    const hidden = Object.entries(f)
      .map(([k, v]) => `<input type="hidden" name="${k}" value="${esc(v)}">`)
      .join("");
    res
      .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
      .end(
        page(
          "Test SAML IdP — sign in",
          `<form method="post" action="/login">${hidden}<label>Username <input name="username" autocomplete="username" required></label> <button type="submit">Sign in</button></form>`,
        ),
      );
  }
}
