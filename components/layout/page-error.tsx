"use client";

import { AlertTriangle } from "lucide-react";
import { useEffect, useId } from "react";
import { Button } from "@/components/ui/button";
import { DATABASE_UNAVAILABLE_DIGEST, UNAVAILABLE_MESSAGE } from "@/lib/http/unavailable-message";

export interface PageErrorProps {
  error: unknown;
  /** Next's error-boundary retry: refreshes the Server Components, then calls reset(). */
  retry: () => void;
}

// In production a Server Component's message never reaches the browser; only its digest does.
const digestOf = (error: unknown) =>
  error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;

/** The body of every error.tsx: the database outage in words, anything else generic with its reference. No landmark: the caller places it. */
export function PageError({ error, retry }: PageErrorProps) {
  const digest = digestOf(error);
  const unavailable = digest === DATABASE_UNAVAILABLE_DIGEST;
  const titleId = useId();
  useEffect(() => {
    if (!unavailable) console.error(error);
  }, [error, unavailable]);
  return (
    <div className="mx-auto mt-16 max-w-lg">
      <div role="alert" aria-labelledby={titleId} className="rounded-lg border border-red-200 bg-red-50 p-6 text-sm text-red-900">
        <h1 id={titleId} className="flex items-center gap-2 text-lg font-semibold">
          <AlertTriangle className="h-5 w-5 shrink-0" aria-hidden />
          {unavailable ? "Service temporarily unavailable" : "Something went wrong"}
        </h1>
        <p className="mt-2">{unavailable ? UNAVAILABLE_MESSAGE : "Something went wrong on our side. Please try again."}</p>
        {!unavailable && digest ? <p className="mt-2 font-mono text-xs text-red-800">Reference: {digest}</p> : null}
      </div>
      <Button className="mt-4" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}
