import { CopyField } from "@/components/ui/copy-field";
import type { SsoConnectionView } from "@/lib/sso/connection-view";

export function PasteIntoIdp({ view, protocol }: { view: SsoConnectionView; protocol: "saml" | "oidc" }) {
  const u = view.urls;
  return (
    <section aria-labelledby="sso-paste" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="sso-paste" className="text-base font-semibold">
        What to paste into your identity provider
      </h2>
      <div className="mt-4 grid max-w-2xl gap-4">
        {protocol === "saml" ? (
          <>
            <CopyField label="Identifier (Entity ID)" value={u.samlEntityId} />
            <CopyField label="Reply URL (Assertion Consumer Service URL)" value={u.samlAcsUrl} />
            <CopyField label="SP metadata URL" value={u.samlMetadataUrl} />
          </>
        ) : (
          <CopyField label="Redirect URI" value={u.oidcRedirectUri} />
        )}
        <CopyField label="Sign-in link for your members" value={u.signInLink} />
      </div>
    </section>
  );
}
