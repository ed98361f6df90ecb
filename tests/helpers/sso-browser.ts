// A minimal browser for the SSO round trips in integration tests: a cookie jar per origin
// host, redirects followed by hand, HTML forms submitted as a browser would (the IdP's sign-in
// page and its auto-posting SAML form). Real HTTP to the real app and the real IdPs.
import { consoleApiAt } from "./console-client";

export interface Hop {
  status: number;
  url: string;
  location?: string;
  html: string;
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

export function formOf(html: string, base: string): { action: string; method: string; fields: Record<string, string> } {
  const form = /<form[^>]*>/i.exec(html)?.[0];
  if (!form) throw new Error(`No form in page: ${html.slice(0, 300)}`);
  const action = decode(/action="([^"]*)"/i.exec(form)?.[1] ?? "");
  const method = (/method="([^"]*)"/i.exec(form)?.[1] ?? "get").toLowerCase();
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*>/gi)) {
    const name = /name="([^"]*)"/i.exec(m[0])?.[1];
    if (name) fields[name] = decode(/value="([^"]*)"/i.exec(m[0])?.[1] ?? "");
  }
  return { action: new URL(action, base).href, method, fields };
}

export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookieHeader(url: string): string {
    const host = new URL(url).hostname;
    return [...(this.jar.get(host) ?? new Map<string, string>()).entries()].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).hostname)?.get(name);
  }

  /** Cookies obtained elsewhere (a console session signed in through the API), as a Cookie header. */
  addCookies(url: string, header: string): void {
    const host = new URL(url).hostname;
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    for (const pair of header.split(/;\s*/)) {
      const [name, ...rest] = pair.split("=");
      if (name && rest.length) cookies.set(name.trim(), rest.join("="));
    }
    this.jar.set(host, cookies);
  }

  private store(url: string, res: Response): void {
    const host = new URL(url).hostname;
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (!name) continue;
      const value = rest.join("=");
      if (!value || attrs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim())))
        cookies.delete(name.trim());
      else cookies.set(name.trim(), value);
    }
    this.jar.set(host, cookies);
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Hop> {
    const headers: Record<string, string> = {};
    const cookie = this.cookieHeader(url);
    if (cookie) headers.Cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(url, { method: init.method ?? "GET", headers, body, redirect: "manual" });
    this.store(url, res);
    const location = res.headers.get("location");
    return { status: res.status, url, location: location ? new URL(location, url).href : undefined, html: await res.text() };
  }

  /** Follows redirects; returns the first page that is not one. */
  async go(url: string, init: { method?: string; form?: Record<string, string> } = {}, hops: Hop[] = []): Promise<Hop> {
    let hop = await this.request(url, init);
    hops.push(hop);
    for (let i = 0; i < 10 && hop.location && hop.status >= 300 && hop.status < 400; i++) {
      hop = await this.request(hop.location);
      hops.push(hop);
    }
    return hop;
  }

  async submit(page: Hop, fields: Record<string, string> = {}, hops: Hop[] = []): Promise<Hop> {
    const f = formOf(page.html, page.url);
    return this.go(f.action, { method: f.method.toUpperCase(), form: { ...f.fields, ...fields } }, hops);
  }

  api<T = Record<string, unknown>>(base: string, method: string, path: string, body?: unknown) {
    return consoleApiAt<T>(base, this.cookieHeader(base) || null, method, path, body);
  }
}
