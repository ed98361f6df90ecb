// Defence in depth for what the activity API returns: whatever a writer put in a label or
// a detail, a SCIM token or a bearer credential never leaves the server whole.
// SCIM tokens (scim_…) and organization API keys (orgkey_…): the display prefix stays.
const TOKEN = /(scim|orgkey)_[A-Za-z0-9_-]{20,}/g;
const BEARER = /(bearer\s+)\S+/gi;

export function redactSecrets(text: string): string;
export function redactSecrets(text: string | null): string | null;
export function redactSecrets(text: string | null): string | null {
  if (text === null) return null;
  return text.replace(BEARER, "$1[redacted]").replace(TOKEN, (t) => `${t.slice(0, t.startsWith("orgkey_") ? 13 : 11)}…[redacted]`);
}
