// Browser-side fetch for the console API: JSON in, JSON out, readable errors.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const UNAVAILABLE = "The service is temporarily unavailable. Please try again in a moment.";

export async function apiFetch<T>(url: string, init?: { method?: string; body?: unknown }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init?.method ?? "GET",
      headers: init?.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "network", "We could not reach the server. Check your connection and try again.");
  }
  const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    // Session gone: a full reload to the sign-in page also drops every cached query.
    if (res.status === 401 && typeof window !== "undefined") {
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.href = `/login?callbackUrl=${encodeURIComponent(window.location.pathname)}`;
    }
    // Our 503 says why (database unavailable); a proxy's 502–504 page has no readable message.
    const unavailable = res.status >= 502 && res.status <= 504;
    const fallback = unavailable ? UNAVAILABLE : `The request failed (HTTP ${res.status}).`;
    throw new ApiError(res.status, data?.error?.code ?? (unavailable ? "unavailable" : "error"), data?.error?.message ?? fallback);
  }
  return data as T;
}
