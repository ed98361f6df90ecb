import { AlertTriangle } from "lucide-react";
import type { ReactNode } from "react";

/** The warning above a secret that is displayed once (SCIM token, API key). */
export function ShownOnceNote({ children }: { children: ReactNode }) {
  return (
    <div role="note" className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
      <p>{children}</p>
    </div>
  );
}
