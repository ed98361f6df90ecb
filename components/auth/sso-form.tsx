"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The organization's sign-in link (…/sso/<id>) or its ID: off to that organization's identity provider. */
export function organizationIdFrom(input: string): string | null {
  const text = input.trim();
  const fromLink = /\/sso\/([A-Za-z0-9-]{1,100})(?:[/?#]|$)/.exec(text)?.[1];
  const id = fromLink ?? text;
  return /^[A-Za-z0-9-]{1,100}$/.test(id) ? id : null;
}

export function SsoForm({ callbackUrl, organization }: { callbackUrl: string; organization?: string }) {
  const [value, setValue] = useState(organization ?? "");
  const [error, setError] = useState("");
  const go = () => {
    const id = organizationIdFrom(value);
    if (!id) return setError("Paste your organization's sign-in link (it ends in /sso/<organization ID>) or its ID.");
    const returnTo = callbackUrl !== "/" ? `?returnTo=${encodeURIComponent(callbackUrl)}` : "";
    // A full navigation: /sso/<id> answers with a redirect to the identity provider.
    window.location.assign(new URL(`/sso/${id}${returnTo}`, window.location.origin).href);
  };
  return (
    <div className="space-y-3">
      <label htmlFor="sso-org" className="block text-sm font-medium text-slate-700">
        Organization sign-in link or ID
      </label>
      <input
        id="sso-org"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), go())}
        placeholder="https://…/sso/<organization ID>"
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
      <Button type="button" variant="secondary" className="w-full" onClick={go}>
        Continue with single sign-on
      </Button>
    </div>
  );
}
