import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { config } from "../config";

// The OIDC client secret at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the app
// secret, so a database dump alone does not reveal it. Format: v1.<iv>.<tag>.<ciphertext> (base64url).

const INFO = "sso-client-secret/v1";

function key(): Buffer {
  const secret = config.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: cannot protect the OIDC client secret.");
  return Buffer.from(hkdfSync("sha256", secret, "scim-console", INFO, 32));
}

export function sealSecret(plain: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** `aad` binds the ciphertext to its organization: a row copied to another organization does not decrypt. */
export function openSecret(sealed: string, aad: string): string {
  const [v, iv, tag, body] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || body === undefined) throw new Error("Unknown secret format.");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
