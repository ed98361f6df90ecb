"use client";

import { USERNAME_CLAIMS, type UsernameClaim } from "@/lib/sso/connection-input";
import type { SsoConnectionView } from "@/lib/sso/connection-view";

export interface OidcDraft {
  issuer: string;
  clientId: string;
  clientSecret: string;
  usernameClaim: UsernameClaim;
}

export const oidcDraftOf = (view: SsoConnectionView): OidcDraft => ({
  issuer: view.oidc?.issuer ?? "",
  clientId: view.oidc?.clientId ?? "",
  clientSecret: "",
  usernameClaim: (USERNAME_CLAIMS as readonly string[]).includes(view.oidc?.usernameClaim ?? "")
    ? (view.oidc?.usernameClaim as UsernameClaim)
    : "preferred_username",
});

const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

export function OidcFields({ draft, onChange, view }: { draft: OidcDraft; onChange: (d: OidcDraft) => void; view: SsoConnectionView }) {
  const set = (patch: Partial<OidcDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="space-y-3">
      <label className="block text-sm text-slate-700">
        Issuer URL
        <input
          value={draft.issuer}
          onChange={(e) => set({ issuer: e.target.value })}
          placeholder="https://login.microsoftonline.com/<tenant>/v2.0"
          className={input}
        />
        <span className="text-xs text-slate-500">We read its discovery document (…/.well-known/openid-configuration) from the server.</span>
      </label>
      <label className="block text-sm text-slate-700">
        Client ID
        <input value={draft.clientId} onChange={(e) => set({ clientId: e.target.value })} className={input} />
      </label>
      <label className="block text-sm text-slate-700">
        Client secret
        <input
          type="password"
          autoComplete="off"
          value={draft.clientSecret}
          onChange={(e) => set({ clientSecret: e.target.value })}
          placeholder={view.oidc?.clientSecretSet ? "Stored (encrypted) — leave blank to keep it" : ""}
          className={input}
        />
        <span className="text-xs text-slate-500">Write-only: stored encrypted and never shown again.</span>
      </label>
      <label className="block text-sm text-slate-700">
        Username claim
        <select value={draft.usernameClaim} onChange={(e) => set({ usernameClaim: e.target.value as UsernameClaim })} className={input}>
          {USERNAME_CLAIMS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
