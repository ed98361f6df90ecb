import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "Sign in" };

// Only same-site paths may be a post-login destination.
function safeCallback(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const error = typeof sp.error === "string" ? sp.error : undefined;
  const sso = config.OIDC_ISSUER && config.OIDC_CLIENT_ID ? config.OIDC_NAME || "single sign-on" : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to the console</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">Organization settings and user provisioning</p>
        <LoginForm callbackUrl={safeCallback(sp.callbackUrl)} initialError={error} sso={sso} />
      </div>
    </main>
  );
}
