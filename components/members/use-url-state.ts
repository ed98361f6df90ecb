"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

/**
 * Filters, sort and page live in the URL: a view can be shared or bookmarked and the Back
 * button works. Values equal to their default are left out; an unknown value falls back to it.
 */
export function useUrlState<T extends { [K in keyof T]: string | number }>(defaults: T, allowed: { [K in keyof T]?: readonly string[] } = {}): [T, (patch: Partial<T>) => void] {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const state = useMemo(() => {
    const out = { ...defaults };
    for (const key of Object.keys(defaults) as (keyof T & string)[]) {
      const raw = sp.get(key);
      if (raw === null) continue;
      const fallback = defaults[key];
      if (typeof fallback === "number") {
        const n = Number(raw);
        if (Number.isInteger(n) && n >= 1) out[key] = n as T[typeof key];
      } else if (!allowed[key] || allowed[key].includes(raw)) out[key] = raw as T[typeof key];
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- defaults and allowed are constants of the caller
  }, [sp]);

  const update = useCallback(
    (patch: Partial<T>) => {
      const next = new URLSearchParams(sp.toString());
      for (const key of Object.keys(patch) as (keyof T & string)[]) {
        const value = patch[key];
        if (value === undefined || value === defaults[key]) next.delete(key);
        else next.set(key, String(value));
      }
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- defaults is a constant of the caller
    [sp, router, pathname],
  );
  return [state, update];
}
