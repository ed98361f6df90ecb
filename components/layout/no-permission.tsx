import { Lock } from "lucide-react";

export function NoPermission({ what }: { what: string }) {
  return (
    <div role="alert" className="mx-auto mt-8 max-w-lg rounded-lg border border-slate-200 bg-white p-6 text-center">
      <Lock className="mx-auto h-8 w-8 text-slate-400" aria-hidden />
      <h2 className="mt-3 text-lg font-semibold">You don&apos;t have permission to view this page</h2>
      <p className="mt-2 text-sm text-slate-600">
        Only the organization owner and members with the IAM permission can {what}. Ask an owner of this organization to grant you the IAM
        permission.
      </p>
    </div>
  );
}
