"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { z } from "zod";

/** What the URL may hold for a schema's fields: its input type, every field optional. */
export type UrlPatch<S extends z.ZodObject> = { [K in keyof z.input<S>]?: z.input<S>[K] };

/**
 * Filters, sort and page live in the URL: a view can be shared or bookmarked and the Back
 * button works. They are read with the same zod schema the API validates them with, field by
 * field, so an unknown value falls back to its default instead of losing the whole view.
 * Values equal to their default are left out of the URL.
 */
export function useUrlState<S extends z.ZodObject>(schema: S): [z.output<S>, (patch: UrlPatch<S>) => void] {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const fields = schema.shape as Record<string, z.ZodType>;

  const state = useMemo(() => {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(fields)) {
      const raw = sp.get(key);
      const parsed = raw === null ? undefined : field.safeParse(raw);
      out[key] = parsed?.success ? parsed.data : field.safeParse(undefined).data;
    }
    // Each field went through its own schema: together they are the schema's output.
    return out as z.output<S>;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the schema is a module constant of the caller
  }, [sp]);

  const update = useCallback(
    (patch: UrlPatch<S>) => {
      const next = new URLSearchParams(sp.toString());
      for (const [key, value] of Object.entries(patch)) {
        const fallback = fields[key]?.safeParse(undefined).data;
        if (value === undefined || value === "" || value === fallback) next.delete(key);
        else next.set(key, String(value));
      }
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the schema is a module constant of the caller
    [sp, router, pathname],
  );
  return [state, update];
}
