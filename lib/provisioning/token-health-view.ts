import type { ExpiryWarning, ProvisioningStopped, ScimSettings, TokenInfo } from "./schemas";

// What the SCIM page shows about its tokens, decided once from the settings and the rotation
// the owner is watching; components/scim/ only draws it. "Provisioning has stopped" shows
// whatever rotation panel was open: a rotation lives only while its new token is active, and
// when none is, nothing else on the page may hide that the identity provider is locked out.

/** A guided rotation the console watches (after "Generate replacement"): the new token, and those it replaces. */
export interface Rotation {
  newTokenId: string;
  oldTokenIds: string[];
}

export type HealthBanner =
  | { kind: "stopped"; stopped: ProvisioningStopped; expiry: ExpiryWarning | null }
  | { kind: "expiring"; expiry: ExpiryWarning & { threshold: Exclude<ExpiryWarning["threshold"], "expired"> } };

export type RotationView =
  /** Waiting for the identity provider's first request with the new token. */
  | { phase: "waiting"; fresh: TokenInfo }
  /** The identity provider used it: the old tokens may go. */
  | { phase: "switched"; fresh: TokenInfo & { lastUsedAt: string }; old: TokenInfo[] };

export interface TokenHealthView {
  banner: HealthBanner | null;
  rotation: RotationView | null;
}

export function tokenHealthView(settings: Pick<ScimSettings, "tokens" | "expiry" | "stopped">, watched: Rotation | null): TokenHealthView {
  const rotation = rotationView(settings.tokens, watched);
  const { stopped, expiry } = settings;
  if (stopped) return { banner: { kind: "stopped", stopped, expiry }, rotation };
  // While a rotation runs, it is the answer to the expiry warning: one panel, not two.
  if (rotation || !expiry || expiry.threshold === "expired") return { banner: null, rotation };
  return { banner: { kind: "expiring", expiry: { ...expiry, threshold: expiry.threshold } }, rotation };
}

/** A rotation whose new token was deleted or has expired is over. */
export function rotationView(tokens: readonly TokenInfo[], watched: Rotation | null): RotationView | null {
  const fresh = watched ? tokens.find((t) => t.id === watched.newTokenId) : undefined;
  if (!watched || !fresh || fresh.status !== "active") return null;
  if (!fresh.lastUsedAt) return { phase: "waiting", fresh };
  return {
    phase: "switched",
    fresh: { ...fresh, lastUsedAt: fresh.lastUsedAt },
    old: tokens.filter((t) => watched.oldTokenIds.includes(t.id)),
  };
}
