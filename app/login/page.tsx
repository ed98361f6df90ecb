import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { REFUSAL_TEXT, isRefusalReason } from "@/lib/sso/refusal";
import { safeReturnPath } from "@/lib/sso/urls";

export const metadata: Metadata = { title: "Sign in" };

const one = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);

function ssoMessage(reason: string | undefined): string | undefined {
  if (!reason) return undefined;
  if (reason === "unavailable") return "The service is temporarily unavailable. Try again in a moment.";
  return isRefusalReason(reason) ? REFUSAL_TEXT[reason] : REFUSAL_TEXT.invalid;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const error = one(sp.error);
  const org = one(sp.org);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to the console</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">Organization settings and user provisioning</p>
        <LoginForm
          callbackUrl={safeReturnPath(one(sp.callbackUrl)) ?? "/"}
          initialError={error}
          ssoError={ssoMessage(one(sp.sso_error))}
          organization={org && /^[A-Za-z0-9-]{1,100}$/.test(org) ? org : undefined}
        />
      </div>
    </main>
  );
}
