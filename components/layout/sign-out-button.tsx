"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/login" })}
      className="rounded px-2 py-1 text-sm text-slate-200 hover:bg-slate-700"
    >
      Sign out
    </button>
  );
}

/** The header's right side: who is signed in, and the way out. */
export function SignedInUser({ email }: { email: string }) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="text-slate-300">{email}</span>
      <SignOutButton />
    </div>
  );
}
