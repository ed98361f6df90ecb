import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto mt-24 max-w-md text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">This page does not exist, or you are not a member of this organization.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-violet-700 underline">
        Go to your organization
      </Link>
    </main>
  );
}
