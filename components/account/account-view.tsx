import Link from "next/link";
import { SignedInUser } from "@/components/layout/sign-out-button";
import type { MyAccount } from "@/lib/auth/my-account";

const METHOD = { saml: "Single sign-on (SAML)", oidc: "Single sign-on (OpenID Connect)", password: "Email and password" } as const;

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="grid grid-cols-3 gap-4 py-2">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="col-span-2 text-sm text-slate-900">{value || "—"}</dd>
    </div>
  );
}

export function AccountView({ account, email }: { account: MyAccount; email: string }) {
  return (
    <>
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-6 py-3">
          <span className="font-semibold">My account</span>
          <SignedInUser email={email} />
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-6 py-8">
        <h1 className="text-2xl font-semibold">My account</h1>
        <p className="mt-1 text-sm text-slate-600">
          Signed in with: <strong>{METHOD[account.signedInWith]}</strong>
        </p>
        {account.entries.map(({ organization, profile, canManage, roleLabel, iamSource }) => (
          <section key={organization.id} aria-label={organization.name} className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
            <div className="flex items-center justify-between">
              <h2 className="text-lg font-semibold">{organization.name}</h2>
              {canManage ? (
                <Link
                  href={`/organizations/${organization.id}/settings/scim`}
                  className="text-sm font-medium text-violet-700 hover:underline"
                >
                  Organization settings
                </Link>
              ) : null}
            </div>
            <p className="mt-1 text-xs text-slate-500">
              {profile.scimManaged
                ? "Managed by your identity provider (SCIM): these details are read-only here; they change when your IdP administrator changes them."
                : "Managed in this console by an organization owner."}
            </p>
            <dl className="mt-4 divide-y divide-slate-100">
              <Field label="Username" value={profile.userName} />
              <Field label="Display name" value={profile.displayName} />
              <Field label="Given name" value={profile.givenName} />
              <Field label="Family name" value={profile.familyName} />
              <Field label="Email" value={profile.email} />
              <Field label="Role" value={iamSource ? `${roleLabel} (IAM permission ${iamSource})` : roleLabel} />
              <Field
                label="Last sign-in"
                value={
                  profile.lastSignInAt
                    ? `${profile.lastSignInAt.toISOString().replace("T", " ").slice(0, 16)} UTC (${METHOD[(profile.lastSignInMethod ?? "password") as keyof typeof METHOD] ?? profile.lastSignInMethod})`
                    : null
                }
              />
            </dl>
          </section>
        ))}
      </main>
    </>
  );
}
