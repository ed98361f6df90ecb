"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SsoForm } from "./sso-form";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "The email or password is incorrect, or your account is locked.",
  locked: "Your account is locked. Ask an organization owner or your identity provider administrator.",
  TooManyAttempts: "Too many failed sign-in attempts. Wait 15 minutes and try again.",
  AccessDenied: "This account is not a member of any organization, or it is locked.",
  SsoRequired: 'Your organization requires single sign-on: use "Sign in with single sign-on" below.',
  sso_required: "This organization requires single sign-on: sign in through your identity provider below.",
};

export function LoginForm({
  callbackUrl,
  initialError,
  ssoError,
  organization,
}: {
  callbackUrl: string;
  initialError?: string;
  ssoError?: string;
  organization?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState(ssoError ?? (initialError ? (MESSAGES[initialError] ?? "Sign-in failed. Please try again.") : ""));
  const [showSso, setShowSso] = useState(!!ssoError || !!organization);
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setError("");
    const res = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email")),
      password: String(form.get("password")),
      callbackUrl,
    });
    setPending(false);
    if (!res || res.error) {
      setError(MESSAGES[res?.error ?? ""] ?? MESSAGES.CredentialsSignin!);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form action={submit} className="space-y-4">
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <div className="border-t border-slate-200 pt-4">
        {showSso ? (
          <SsoForm callbackUrl={callbackUrl} organization={organization} />
        ) : (
          <Button type="button" variant="secondary" className="w-full" onClick={() => setShowSso(true)}>
            Sign in with single sign-on
          </Button>
        )}
      </div>
    </form>
  );
}
