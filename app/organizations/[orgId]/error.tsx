"use client";

import { PageError, type PageErrorProps } from "@/components/layout/page-error";

// Errors of an organization's pages: rendered inside its layout, so the header and navigation stay.
export default function OrganizationError(props: PageErrorProps) {
  return <PageError {...props} />;
}
