// Defence in depth for log lines: the request line carries no header, query or body at all,
// but error messages and stacks may quote what they were given (a driver error quoting a
// value, a library echoing a header). Whatever reaches a log line passes through here.

// `scim_…` tokens and any `<prefix>_<long random>` credential (API keys, secrets).
const PREFIXED = /\b([a-z][a-z0-9]{1,15}_)[A-Za-z0-9_-]{20,}/g;
const AUTH_SCHEME = /\b(bearer|basic)(\s+)[^\s"',;]+/gi;
// key=value, key: value, "key":"value" for names that hold secrets.
const SECRET_FIELD =
  /((?:password|passwd|secret|client_secret|clientSecret|token|api_?key|SAMLResponse|SAMLRequest|id_token|access_token|refresh_token|code_verifier)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi;
// An Authorization header's whole value ("Bearer …", "Basic …"), up to the end of the field.
const AUTHORIZATION = /(authorization["']?\s*[:=]\s*["']?)[^"'&,}\r\n]+/gi;

export function scrubSecrets(text: string): string {
  return text
    .replace(AUTHORIZATION, "$1[redacted]")
    .replace(SECRET_FIELD, "$1[redacted]")
    .replace(AUTH_SCHEME, "$1$2[redacted]")
    .replace(PREFIXED, "$1[redacted]");
}

/** Object keys whose values never reach a log line, wherever they sit (pino's `redact` paths). */
export const REDACTED_KEYS = [
  "authorization",
  "cookie",
  "password",
  "token",
  "secret",
  "clientSecret",
  "client_secret",
  "apiKey",
  "SAMLResponse",
];

export function redactPaths(): string[] {
  return REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `headers.${k}`, `req.headers.${k}`]);
}
