"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function SettingsNav({ orgId }: { orgId: string }) {
  const path = usePathname();
  const items = [
    { href: `/organizations/${orgId}/settings/scim`, label: "Automatic user provisioning (SCIM)" },
    { href: `/organizations/${orgId}/settings/sso`, label: "Single sign-on" },
    { href: `/organizations/${orgId}/settings/api-keys`, label: "API keys" },
  ];
  return (
    <nav aria-label="Organization settings" className="w-64 shrink-0 text-sm">
      <h2 className="px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">Organization security</h2>
      <ul className="mt-2 space-y-1">
        {items.map(({ href, label }) => (
          <li key={href}>
            <Link
              href={href}
              aria-current={path === href ? "page" : undefined}
              className={`block rounded-md px-3 py-2 ${path === href ? "bg-violet-100 font-medium text-violet-900" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
