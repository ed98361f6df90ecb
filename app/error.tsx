"use client";

import { PageError, type PageErrorProps } from "@/components/layout/page-error";

// Errors of every page and nested layout, the organization layout's access check included
// (a segment's own error.tsx does not cover its layout).
export default function AppError(props: PageErrorProps) {
  return (
    <main className="px-6">
      <PageError {...props} />
    </main>
  );
}
