import { db, type Prisma } from "../../db";
import { LIKE_MARKER, type LikeMarker } from "./like-marker";

// Resolves the markers filter-to-where leaves for co/sw/ew values holding LIKE wildcards:
// candidates are narrowed in the database by the longest plain run of the value, checked
// exactly here, and replaced by their ids. Only the candidates' id and column are read.

function longestPlainRun(value: string): string {
  return value.split(/[%_\\]/).reduce((a, b) => (b.length > a.length ? b : a), "");
}

function matches(actual: unknown, m: LikeMarker): boolean {
  if (typeof actual !== "string") return false;
  if (m.op === "startsWith") return actual.startsWith(m.value);
  if (m.op === "endsWith") return actual.endsWith(m.value);
  return actual.includes(m.value);
}

async function resolveMarker(m: LikeMarker, scope: Prisma.MemberWhereInput): Promise<Record<string, unknown>> {
  const run = longestPlainRun(m.value);
  const narrow = run ? { [m.column]: { contains: run } } : {};
  const select = { id: true, [m.column]: true };
  const rows: Record<string, unknown>[] =
    m.on === "member"
      ? await db.member.findMany({ where: { AND: [scope, narrow] }, select })
      : await db.memberEmail.findMany({ where: { AND: [{ member: scope }, narrow] }, select });
  return { id: { in: rows.filter((r) => matches(r[m.column], m)).map((r) => r.id) } };
}

/** Replaces every marker in a where tree by an exact id list (one query per marker). */
export async function refineLikes<T>(where: T, scope: Prisma.MemberWhereInput): Promise<T> {
  if (Array.isArray(where)) return (await Promise.all(where.map((w: unknown) => refineLikes(w, scope)))) as T;
  if (typeof where !== "object" || where === null || where instanceof Date) return where;
  const record = where as Record<string, unknown>;
  if (LIKE_MARKER in record) return (await resolveMarker(record[LIKE_MARKER] as LikeMarker, scope)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[key] = await refineLikes(value, scope);
  return out as T;
}
