"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorState, LoadingState } from "@/components/ui/states";
import type { SsoConnectionInput } from "@/lib/sso/connection-input";
import type { SsoConnectionView } from "@/lib/sso/connection-view";
import { OidcFields, oidcDraftOf, type OidcDraft } from "./oidc-fields";
import { PasteIntoIdp } from "./paste-into-idp";
import { ssoConnectionQuery, useSaveSso, useTestSso } from "./queries";
import { CertificateList, SamlFields, samlDraftOf, type SamlDraft } from "./saml-fields";
import { SsoSetupHelp } from "./sso-setup-help";

function toInput(protocol: "saml" | "oidc", enabled: boolean, requireSso: boolean, saml: SamlDraft, oidc: OidcDraft): SsoConnectionInput {
  if (protocol === "oidc") return { protocol, enabled, requireSso, oidc: { ...oidc, clientSecret: oidc.clientSecret || undefined } };
  const certificates = saml.certificates.map((c) => c.trim()).filter(Boolean);
  return {
    protocol,
    enabled,
    requireSso,
    saml: {
      metadataXml: saml.metadataXml || undefined,
      entityId: saml.entityId,
      ssoUrl: saml.ssoUrl,
      certificates: certificates.length ? certificates : undefined,
      usernameAttribute: saml.usernameAttribute || null,
    },
  };
}

function Editor({ orgId, view }: { orgId: string; view: SsoConnectionView }) {
  const save = useSaveSso(orgId);
  const test = useTestSso(orgId);
  const [protocol, setProtocol] = useState<"saml" | "oidc">(view.protocol ?? "saml");
  const [enabled, setEnabled] = useState(view.enabled);
  const [requireSso, setRequireSso] = useState(view.requireSso);
  const [saml, setSaml] = useState(() => samlDraftOf(view));
  const [oidc, setOidc] = useState(() => oidcDraftOf(view));
  const submit = (next = { enabled, requireSso }) =>
    save.mutate(toInput(protocol, next.enabled, next.requireSso, saml, oidc), {
      onSuccess: (v) => {
        toast.success("Single sign-on settings saved");
        setSaml(samlDraftOf(v));
        setOidc(oidcDraftOf(v));
      },
      onError: (err) => toast.error(err.message),
    });
  return (
    <div className="space-y-6">
      <section aria-labelledby="sso-status" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="sso-status" className="flex items-center gap-2 text-base font-semibold">
          Status{" "}
          {!view.configured ? <Badge>Not configured</Badge> : view.enabled ? <Badge tone="green">Enabled</Badge> : <Badge>Disabled</Badge>}
          {view.configured && view.requireSso ? <Badge tone="violet">Required</Badge> : null}
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Members provisioned by your identity provider sign in through it. A lock, an unlock or a delete from the IdP applies to their very
          next request.
        </p>
        <div className="mt-4 space-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Enable single sign-on
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={requireSso} onChange={(e) => setRequireSso(e.target.checked)} /> Require single sign-on (members
            can no longer sign in with a password; owners keep password sign-in as a break-glass)
          </label>
        </div>
      </section>
      <PasteIntoIdp view={view} protocol={protocol} />
      <section aria-labelledby="sso-connection" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="sso-connection" className="text-base font-semibold">
          Identity provider
        </h2>
        <div role="radiogroup" aria-label="Protocol" className="mt-3 flex gap-4 text-sm">
          {(["saml", "oidc"] as const).map((p) => (
            <label key={p} className="flex items-center gap-2">
              <input type="radio" name="protocol" checked={protocol === p} onChange={() => setProtocol(p)} />{" "}
              {p === "saml" ? "SAML 2.0" : "OpenID Connect"}
            </label>
          ))}
        </div>
        <div className="mt-4 max-w-2xl space-y-4">
          {protocol === "saml" ? (
            <SamlFields draft={saml} onChange={setSaml} view={view} />
          ) : (
            <OidcFields draft={oidc} onChange={setOidc} view={view} />
          )}
          {protocol === "saml" ? <CertificateList view={view} /> : null}
          <div className="flex gap-3">
            <Button onClick={() => submit()} disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save"}
            </Button>
            <Button
              variant="secondary"
              disabled={!view.configured || test.isPending}
              onClick={() => test.mutate(undefined, { onError: (err) => toast.error(err.message) })}
            >
              Test sign-in
            </Button>
          </div>
        </div>
      </section>
      <SsoSetupHelp />
    </div>
  );
}

export function SsoSettings({ orgId }: { orgId: string }) {
  const q = useQuery(ssoConnectionQuery(orgId));
  if (q.isPending) return <LoadingState label="Loading single sign-on settings…" />;
  if (q.isError) return <ErrorState message={q.error.message} onRetry={() => void q.refetch()} />;
  return <Editor orgId={orgId} view={q.data} />;
}
