import { generate } from "selfsigned";

export interface SigningKey {
  privateKey: string;
  cert: string; // PEM
}

/** A throwaway RSA key and self-signed certificate, made at test start. */
export async function signingKey(commonName = "test-idp", days = 365): Promise<SigningKey> {
  const notAfterDate = new Date(Date.now() + days * 86_400_000);
  const pems = await generate([{ name: "commonName", value: commonName }], { keySize: 2048, algorithm: "sha256", notAfterDate });
  return { privateKey: pems.private, cert: pems.cert };
}
