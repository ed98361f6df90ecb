import type { ReactNode } from "react";

interface Props {
  /** The heading's id (several panels may share a page). */
  id: string;
  /** The steps, as `<li>` items, for each identity provider. */
  entra: ReactNode;
  okta: ReactNode;
  /** The sentence under both columns. */
  note: ReactNode;
}

// "Set up your identity provider": Entra ID's steps beside Okta's, for the SCIM and SSO pages.
export function IdpSetupHelp({ id, entra, okta, note }: Props) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={id} className="text-base font-semibold">
        Set up your identity provider
      </h2>
      <div className="mt-3 grid gap-6 text-sm text-slate-700 md:grid-cols-2">
        {[
          ["Microsoft Entra ID", entra],
          ["Okta", okta],
        ].map(([name, steps]) => (
          <div key={String(name)}>
            <h3 className="font-medium text-slate-900">{name}</h3>
            <ol className="mt-2 list-decimal space-y-1 pl-5">{steps}</ol>
          </div>
        ))}
      </div>
      <p className="mt-4 text-xs text-slate-500">{note}</p>
    </section>
  );
}
