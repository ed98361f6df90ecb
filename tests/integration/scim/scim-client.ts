// A typed SCIM client for the integration tests: real HTTP against the running app, with
// the bearer token and the content types an IdP uses.
import { db } from "@/lib/db";
import { createOrganization, enableScimWithToken, type TestOrganization } from "../../helpers/fixtures";
import { baseUrl } from "../../helpers/server";

export const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- SCIM bodies are free-form

export interface ScimResult {
  status: number;
  headers: Headers;
  body: Json;
  text: string;
}

export interface RequestOptions {
  token?: string | null; // null: no Authorization header
  authorization?: string; // a raw header value
  contentType?: string;
  rawBody?: string;
  headers?: Record<string, string>;
}

export class ScimClient {
  constructor(
    readonly orgId: string,
    readonly token: string,
  ) {}

  get base(): string {
    return `${baseUrl()}/scim/v2/${this.orgId}`;
  }

  async request(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<ScimResult> {
    const headers: Record<string, string> = { Accept: "application/scim+json", ...opts.headers };
    const token = opts.token === undefined ? this.token : opts.token;
    if (opts.authorization !== undefined) headers.Authorization = opts.authorization;
    else if (token !== null) headers.Authorization = `Bearer ${token}`;
    const payload = opts.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers["Content-Type"] = opts.contentType ?? "application/scim+json";
    const res = await fetch(`${this.base}${path}`, { method, headers, body: payload, redirect: "manual" });
    const text = await res.text();
    let parsed: Json = {};
    if (text) parsed = JSON.parse(text) as Json;
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  get = (path: string, opts?: RequestOptions) => this.request("GET", path, undefined, opts);
  post = (path: string, body: unknown, opts?: RequestOptions) => this.request("POST", path, body, opts);
  put = (path: string, body: unknown, opts?: RequestOptions) => this.request("PUT", path, body, opts);
  patch = (path: string, Operations: unknown[], opts?: RequestOptions) =>
    this.request("PATCH", path, { schemas: [PATCH_OP], Operations }, opts);
  delete = (path: string, opts?: RequestOptions) => this.request("DELETE", path, undefined, opts);

  /** Entra's and Okta's search: `filter=userName eq "x"` with `+` for spaces, as on the wire. */
  findByUserName(userName: string, extra = ""): Promise<ScimResult> {
    const filter = `userName eq "${userName}"`;
    return this.get(`/Users?filter=${encodeURIComponent(filter).replace(/%20/g, "+")}${extra}`);
  }
}

export interface ScimOrg {
  org: TestOrganization;
  scim: ScimClient;
}

/** An organization with SCIM enabled and a client holding its token. */
export async function scimOrg(): Promise<ScimOrg> {
  const org = await createOrganization();
  const token = await enableScimWithToken(org);
  return { org, scim: new ScimClient(org.orgId, token) };
}

export function uniqueUserName(tag: string): string {
  return `${tag}.${Math.random().toString(36).slice(2, 10)}@contoso.example`;
}

export async function eventsOf(orgId: string, action?: string) {
  return db.auditEvent.findMany({ where: { organizationId: orgId, ...(action ? { action } : {}) }, orderBy: { createdAt: "asc" } });
}
