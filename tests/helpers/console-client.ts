// Signs in through next-auth's credentials endpoint and calls the console API as a browser would.
import { baseUrl } from "./server";

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
}

export async function signIn(email: string, password: string, base = baseUrl()): Promise<string | null> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const all = [...jar, ...cookiesOf(res)];
  const session = all.find((c) => c.startsWith("next-auth.session-token="));
  return session ? all.join("; ") : null;
}

export interface ApiResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export function consoleApi<T = Record<string, unknown>>(
  cookie: string | null,
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<ApiResult<T>> {
  return consoleApiAt<T>(baseUrl(), cookie, method, path, body, extraHeaders);
}

/** The same against another app instance (scale-out tests). */
export async function consoleApiAt<T = Record<string, unknown>>(
  base: string,
  cookie: string | null,
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Origin: base, ...extraHeaders };
  if (cookie) headers.Cookie = cookie;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: "manual",
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
}

export type Persona = "owner" | "iam" | "member" | "otherOrgOwner" | "signedOut";

/** Session cookies for the five people every permission table checks. */
export async function signInPersonas(
  org: {
    owner: { email: string; password: string };
    iam: { email: string; password: string };
    member: { email: string; password: string };
  },
  other: { owner: { email: string; password: string } },
): Promise<Record<Persona, string | null>> {
  return {
    owner: await signIn(org.owner.email, org.owner.password),
    iam: await signIn(org.iam.email, org.iam.password),
    member: await signIn(org.member.email, org.member.password),
    otherOrgOwner: await signIn(other.owner.email, other.owner.password),
    signedOut: null,
  };
}
