// Client components import the server's zod schemas (lib/members/member-query.ts,
// lib/audit/activity-query.ts, …) instead of retyping them. That holds only while nothing they
// reach at runtime pulls in the database, Node built-ins or server-only modules: walk every
// value import from every "use client" file and say which chain breaks it.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
const SERVER_ONLY = [
  /^node:/,
  /^next\/server$/,
  /^server-only$/,
  /^better-sqlite3$/,
  /^pg$/,
  /^@prisma\//,
  /^next-auth$/,
  /^next-auth\/(?!react)/,
];
const SERVER_FILES = [/^lib\/db\.ts$/, /^lib\/generated\//, /^lib\/db\//];

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    return statSync(path.join(root, rel)).isDirectory() ? files(rel) : /\.tsx?$/.test(name) ? [rel] : [];
  });
}

/** Runtime imports only: `import type` and `export type` are erased by the compiler. */
function valueImports(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/gm)) specs.push(m[1]!);
  return specs;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.join(path.dirname(from), spec) : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile()) return path.normalize(candidate);
  throw new Error(`${from}: cannot resolve ${spec}`);
}

/** The first import chain from `entry` that reaches a server-only module, or null. */
function serverChain(entry: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (SERVER_FILES.some((r) => r.test(file))) return chain;
    if (seen.has(file)) return null;
    seen.add(file);
    for (const spec of valueImports(readFileSync(path.join(root, file), "utf8"))) {
      if (SERVER_ONLY.some((r) => r.test(spec))) return [...chain, spec];
      const next = resolveLocal(file, spec);
      const found = next && walk(next, [...chain, next]);
      if (found) return found;
    }
    return null;
  };
  return walk(entry, [entry]);
}

const clientFiles = [...files("components"), ...files("app")].filter((f) =>
  /^["']use client["']/.test(readFileSync(path.join(root, f), "utf8")),
);

describe("client components reach no server code", () => {
  it("finds the client components", () => {
    expect(clientFiles).toEqual(expect.arrayContaining(["components/members/members-page.tsx", "components/activity/activity-page.tsx"]));
  });

  it.each(["lib/members/member-query.ts", "lib/audit/activity-query.ts"])("%s is client-importable", (schema) => {
    expect(serverChain(schema)).toBeNull();
  });

  it.each(clientFiles)("%s", (file) => {
    expect(serverChain(file)).toBeNull();
  });
});
