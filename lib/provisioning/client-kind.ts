// Which identity provider sent a SCIM request, from its User-Agent. Pure; runs on every request.
// Okta sends "Okta SCIM Client 1.0.0"; Entra ID's provisioning service has sent several agents
// over the years, all naming Azure Active Directory or Microsoft (IDP-REQUESTS.md), so it is
// recognised loosely. Anything else is "other".

export type ClientKind = "entra" | "okta" | "other";

const ENTRA = /azure\s*(active\s*directory|ad)|microsoft|entra/i;
const OKTA = /\bokta\b/i;

export function clientKind(userAgent: string | null | undefined): ClientKind {
  const ua = userAgent ?? "";
  if (OKTA.test(ua)) return "okta";
  if (ENTRA.test(ua)) return "entra";
  return "other";
}

export const CLIENT_LABELS: Record<ClientKind, string> = { entra: "Microsoft Entra ID", okta: "Okta", other: "Other client" };

export function isClientKind(v: string | null | undefined): v is ClientKind {
  return v === "entra" || v === "okta" || v === "other";
}
