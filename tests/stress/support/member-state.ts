// What is really stored for a member, and whether it hangs together: the Member columns must
// be what its scimAttributes JSON says, and the MemberEmail rows exactly its emails. A write
// that was applied by halves (columns from one request, JSON or emails from another) fails here.
import { db } from "@/lib/db";

type Json = Record<string, unknown>;

export interface StoredMember {
  id: string;
  userName: string;
  version: number;
  externalId: string | null;
  columns: { givenName: string | null; familyName: string | null; displayName: string | null; email: string | null };
  attributes: Json;
  emailRows: { value: string; type: string | null; primary: boolean }[];
}

export async function storedMember(id: string): Promise<StoredMember | null> {
  const row = await db.member.findUnique({ where: { id }, include: { emails: true } });
  if (!row) return null;
  return {
    id: row.id,
    userName: row.userName,
    version: row.version,
    externalId: row.externalId,
    columns: { givenName: row.givenName, familyName: row.familyName, displayName: row.displayName, email: row.email },
    attributes: row.scimAttributes ? (JSON.parse(row.scimAttributes) as Json) : {},
    emailRows: row.emails.map((e) => ({ value: e.value, type: e.type, primary: e.primary })),
  };
}

const text = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
const sortKey = (e: { value: string; type: string | null; primary: boolean }) => `${e.value}|${e.type}|${e.primary}`;

/** Every way the stored member disagrees with itself (empty when consistent). */
export function inconsistencies(m: StoredMember): string[] {
  const problems: string[] = [];
  const name = (m.attributes.name ?? {}) as Json;
  const given = text(name.givenName);
  const family = text(name.familyName);
  const displayName = given && family ? `${given} ${family}` : (text(m.attributes.displayName) ?? given ?? family);
  const emails = (Array.isArray(m.attributes.emails) ? m.attributes.emails : []) as Json[];
  const expectedRows = emails
    .filter((e) => text(e.value))
    .map((e) => ({
      value: e.value as string,
      type: typeof e.type === "string" ? e.type.toLowerCase() : null,
      primary: e.primary === true,
    }));
  const primary = expectedRows.find((e) => e.primary) ?? expectedRows[0];
  const expect = (what: string, stored: unknown, wanted: unknown) => {
    if (stored !== wanted)
      problems.push(`${m.id}: ${what} is ${JSON.stringify(stored)} but the SCIM attributes say ${JSON.stringify(wanted)}`);
  };
  expect("givenName column", m.columns.givenName, given);
  expect("familyName column", m.columns.familyName, family);
  expect("displayName column", m.columns.displayName, displayName);
  expect("email column", m.columns.email, primary?.value ?? null);
  const rows = m.emailRows.map(sortKey).sort().join(", ");
  const wanted = expectedRows.map(sortKey).sort().join(", ");
  if (rows !== wanted) problems.push(`${m.id}: MemberEmail rows [${rows}] but the SCIM emails are [${wanted}]`);
  return problems;
}

/** `W/"7"` → 7 */
export function versionOf(resource: Json): number {
  const meta = (resource.meta ?? {}) as Json;
  const match = /^W\/"(\d+)"$/.exec(String(meta.version));
  if (!match?.[1]) throw new Error(`No version in ${JSON.stringify(resource.meta)}`);
  return Number(match[1]);
}
