// Calls the console API with an organization API key, as a script does: no cookie, no Origin.
import type { CreatedApiKey } from "@/lib/api-keys/schemas";
import { consoleApi, type ApiResult } from "../../helpers/console-client";
import { baseUrl } from "../../helpers/server";

export async function keyApi<T = Record<string, unknown>>(
  key: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: "manual",
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
}

/** Creates an API key through the console API, signed in as `cookie`'s user. */
export async function createKey(cookie: string, orgId: string, expiresInDays = 30, name = "rotation script"): Promise<CreatedApiKey> {
  const res = await consoleApi<CreatedApiKey>(cookie, "POST", `/api/organizations/${orgId}/api-keys`, { name, expiresInDays });
  if (res.status !== 201) throw new Error(`creating an API key: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
