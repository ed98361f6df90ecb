"use client";

import { useCallback, useState } from "react";
import type { Rotation } from "@/lib/provisioning/token-health-view";

// The rotation being watched survives a reload of the tab (sessionStorage, per organization):
// the identity provider may take minutes to make its first request with the new token.

function read(key: string): Rotation | null {
  if (typeof window === "undefined") return null;
  try {
    const v = JSON.parse(window.sessionStorage.getItem(key) ?? "null") as Rotation | null;
    return v && typeof v.newTokenId === "string" && Array.isArray(v.oldTokenIds) ? v : null;
  } catch {
    return null;
  }
}

export function useRotation(orgId: string): [Rotation | null, (r: Rotation | null) => void] {
  const key = `scim-rotation:${orgId}`;
  const [rotation, setState] = useState<Rotation | null>(() => read(key));
  const set = useCallback(
    (r: Rotation | null) => {
      setState(r);
      try {
        if (r) window.sessionStorage.setItem(key, JSON.stringify(r));
        else window.sessionStorage.removeItem(key);
      } catch {
        /* storage unavailable: the rotation lives in memory only */
      }
    },
    [key],
  );
  return [rotation, set];
}
