"use client";

import type { SsoConnectionView } from "@/lib/sso/connection-view";

export interface SamlDraft {
  metadataXml: string;
  entityId: string;
  ssoUrl: string;
  certificates: [string, string];
  usernameAttribute: string;
}

export const samlDraftOf = (view: SsoConnectionView): SamlDraft => ({
  metadataXml: "",
  entityId: view.saml?.entityId ?? "",
  ssoUrl: view.saml?.ssoUrl ?? "",
  certificates: ["", ""],
  usernameAttribute: view.saml?.usernameAttribute ?? "",
});

const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

export function SamlFields({ draft, onChange, view }: { draft: SamlDraft; onChange: (d: SamlDraft) => void; view: SsoConnectionView }) {
  const set = (patch: Partial<SamlDraft>) => onChange({ ...draft, ...patch });
  const upload = async (file: File | undefined) => file && set({ metadataXml: await file.text() });
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="saml-metadata" className="block text-sm font-medium text-slate-700">
          Federation metadata XML
        </label>
        <textarea
          id="saml-metadata"
          rows={5}
          value={draft.metadataXml}
          onChange={(e) => set({ metadataXml: e.target.value })}
          placeholder="<EntityDescriptor …>"
          className={`${input} font-mono`}
        />
        <label className="mt-2 inline-block text-sm text-slate-600">
          or upload a file:{" "}
          <input
            type="file"
            accept=".xml,application/xml,text/xml"
            aria-label="Upload federation metadata XML"
            onChange={(e) => void upload(e.target.files?.[0])}
          />
        </label>
        <p className="mt-1 text-xs text-slate-500">
          Pasted metadata replaces the values below (entity ID, sign-on URL, signing certificates).
        </p>
      </div>
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-700">Or enter them by hand</legend>
        <label className="block text-sm text-slate-700">
          IdP entity ID (Identifier)
          <input value={draft.entityId} onChange={(e) => set({ entityId: e.target.value })} className={input} />
        </label>
        <label className="block text-sm text-slate-700">
          IdP sign-on URL
          <input
            value={draft.ssoUrl}
            onChange={(e) => set({ ssoUrl: e.target.value })}
            placeholder="https://login.microsoftonline.com/…/saml2"
            className={input}
          />
        </label>
        {[0, 1].map((i) => (
          <label key={i} className="block text-sm text-slate-700">
            {i === 0 ? "Signing certificate (PEM or Base64)" : "Second signing certificate (optional, for a rollover)"}
            <textarea
              rows={3}
              value={draft.certificates[i]}
              onChange={(e) =>
                set({
                  certificates: (i === 0 ? [e.target.value, draft.certificates[1]] : [draft.certificates[0], e.target.value]) as [
                    string,
                    string,
                  ],
                })
              }
              placeholder={view.saml?.certificates.length ? "Leave blank to keep the current certificates" : "-----BEGIN CERTIFICATE-----"}
              className={`${input} font-mono`}
            />
          </label>
        ))}
      </fieldset>
      <label className="block text-sm text-slate-700">
        Username attribute (optional)
        <input
          value={draft.usernameAttribute}
          onChange={(e) => set({ usernameAttribute: e.target.value })}
          placeholder="Blank: the NameID carries the username"
          className={input}
        />
      </label>
    </div>
  );
}

export function CertificateList({ view }: { view: SsoConnectionView }) {
  const certs = view.saml?.certificates ?? [];
  if (!certs.length) return null;
  return (
    <div>
      <h3 className="text-sm font-medium text-slate-700">Signing certificates read</h3>
      <ul className="mt-2 space-y-2 text-sm">
        {certs.map((c) => (
          <li key={c.fingerprintSha256} className="rounded-md border border-slate-200 p-3">
            <div className="font-mono text-xs break-all text-slate-600">SHA-256 {c.fingerprintSha256}</div>
            <div className="mt-1">
              {c.subject} — expires <strong>{c.notAfter.slice(0, 10)}</strong>{" "}
              {c.expired ? <span className="font-medium text-red-700">(expired)</span> : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
