import { X509Certificate } from "node:crypto";

// Signing certificates as the admin pastes them (PEM, or the bare base64 of metadata and of
// Entra's "Certificate (Base64)"): normalised to PEM, with what the page shows about each.

export interface CertificateInfo {
  pem: string;
  subject: string;
  notBefore: string; // ISO
  notAfter: string; // ISO
  fingerprintSha256: string;
  expired: boolean;
}

export class CertificateError extends Error {}

export function toPem(input: string): string {
  const body = input.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
  if (!body || !/^[A-Za-z0-9+/]+=*$/.test(body))
    throw new CertificateError("The signing certificate is not a PEM or base64 X.509 certificate.");
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

export function describeCertificate(input: string, now = new Date()): CertificateInfo {
  const pem = toPem(input);
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    throw new CertificateError("The signing certificate could not be read (it is not a valid X.509 certificate).");
  }
  const notAfter = new Date(cert.validTo);
  return {
    pem,
    subject: cert.subject.replace(/\n/g, ", "),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: notAfter.toISOString(),
    fingerprintSha256: cert.fingerprint256,
    expired: notAfter.getTime() < now.getTime(),
  };
}
