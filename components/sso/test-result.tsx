import type { TestResult } from "@/lib/sso/complete-sign-in";

export function TestResultPanel({ result }: { result: TestResult }) {
  const ok = result.outcome === "match";
  return (
    <section
      role="status"
      aria-label="Test sign-in result"
      className={`rounded-lg border p-5 ${ok ? "border-green-200 bg-green-50" : "border-red-200 bg-red-50"}`}
    >
      <h2 className="text-base font-semibold">{ok ? "Test sign-in succeeded" : "Test sign-in refused"}</h2>
      <dl className="mt-2 grid grid-cols-[12rem_1fr] gap-1 text-sm">
        <dt className="text-slate-600">Protocol</dt>
        <dd>{result.method.toUpperCase()}</dd>
        <dt className="text-slate-600">The IdP asserted</dt>
        <dd className="font-mono">{result.asserted ?? "— (no verified identity)"}</dd>
        <dt className="text-slate-600">Matching member</dt>
        <dd>
          {result.member
            ? `${result.member.userName}${result.member.displayName ? ` (${result.member.displayName})` : ""}${result.member.locked ? " — locked" : ""}`
            : "none"}
        </dd>
      </dl>
      <p className="mt-3 text-sm">{result.message}</p>
      <p className="mt-1 text-xs text-slate-500">A test never starts a session: you are still signed in as yourself.</p>
    </section>
  );
}
