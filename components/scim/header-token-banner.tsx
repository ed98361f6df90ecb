"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { tokenHealthView } from "@/lib/provisioning/token-health-view";
import { scimSettingsQuery } from "./queries";
import { ReplacementLink, TokenHealthBanner } from "./token-health-banner";

/** Under the console header, for owners and IAM managers only (the layout decides; the API checks). Not on the SCIM page, which has its own. */
export function HeaderTokenBanner({ orgId }: { orgId: string }) {
  const path = usePathname();
  const onScimPage = path === `/organizations/${orgId}/settings/scim`;
  const settings = useQuery({ ...scimSettingsQuery(orgId), enabled: !onScimPage });
  const { banner } = settings.data ? tokenHealthView(settings.data, null) : { banner: null };
  if (onScimPage || !banner) return null;
  return (
    <div className="mx-auto max-w-7xl px-6 pt-4" data-testid="header-token-banner">
      <TokenHealthBanner banner={banner} action={<ReplacementLink orgId={orgId} />} />
    </div>
  );
}
