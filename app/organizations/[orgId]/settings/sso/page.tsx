import type { Metadata } from "next";
import { NoPermission } from "@/components/layout/no-permission";
import { SsoSettings } from "@/components/sso/sso-settings";
import { TestResultPanel } from "@/components/sso/test-result";
import { requirePageAccess } from "@/lib/auth/page-access";
import { renderingData } from "@/lib/http/page-errors";
import { getTestResult } from "@/lib/sso/get-connection";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgId } = await params;
  const { test } = await searchParams;
  const { allowed } = await requirePageAccess(orgId, "provisioning:manage", `/organizations/${orgId}/settings/sso`);
  const result = allowed && typeof test === "string" ? await renderingData(() => getTestResult(orgId, test)) : null;
  return (
    <div>
      <h2 className="text-xl font-semibold">Single sign-on</h2>
      <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600">
        Members sign in with your identity provider (SAML 2.0 or OpenID Connect), matched by their SCIM username. No account is created at
        sign-in.
      </p>
      {allowed ? (
        <div className="space-y-6">
          {result ? <TestResultPanel result={result} /> : null}
          <SsoSettings orgId={orgId} />
        </div>
      ) : (
        <NoPermission what="manage single sign-on" />
      )}
    </div>
  );
}
