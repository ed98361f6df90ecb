import pg, { type Pool } from "pg";
import type Database from "better-sqlite3";
import type { MemberRow } from "../scim/member-row";

/**
 * The SCIM API's hot reads (token check on every request, Entra's userName filter, GET by
 * id, Okta's import pages) as statements prepared once on the raw driver. Prisma's JS engine costs ~1.2 ms of
 * CPU per query (WASM compiler, re-prepared statement); these cost ~0.05 ms on SQLite. Every
 * read still goes to the database, so a deleted token or a disabled organization is refused
 * on the very next request, on every instance. Writes stay on Prisma.
 */
export interface TokenRow {
  id: string;
  hash: string;
  prefix: string;
  organizationId: string;
  expiresAt: Date;
  deletedAt: Date | null;
  lastUsedAt: Date | null;
  scimEnabled: boolean;
}

export interface FastReads {
  tokenByHash(hash: string): Promise<TokenRow | null>;
  scimMemberById(orgId: string, id: string): Promise<MemberRow | null>;
  scimMemberByUserName(orgId: string, userNameLower: string): Promise<MemberRow | null>;
  /** Managed or not: POST /Users decides between create, adopt and 409 with it. */
  memberByUserName(orgId: string, userNameLower: string): Promise<MemberRow | null>;
  /** GET /Users without a filter (Okta's import): how many SCIM members, and one page of them in (createdAt, id) order. */
  scimMemberPage(orgId: string, offset: number, limit: number): Promise<{ total: number; rows: MemberRow[] }>;
}

// Rows come back as arrays (better-sqlite3 `raw`, pg `rowMode: "array"`): no per-row object
// with named keys to build only to read it once. Positions are the order of these lists.
const TOKEN_FIELDS = ["id", "hash", "prefix", "organizationId", "expiresAt", "deletedAt", "lastUsedAt", "scimEnabled"] as const;
const MEMBER_FIELDS = ["id", "organizationId", "role", "userName", "externalId", "email", "givenName", "familyName", "displayName", "locked", "scimManaged", "scimAttributes", "version", "createdAt", "updatedAt"] as const;
const positions = <F extends string>(fields: readonly F[]) => Object.fromEntries(fields.map((f, i) => [f, i])) as Record<F, number>;
const T = positions(TOKEN_FIELDS);
const M = positions(MEMBER_FIELDS);

const q = (s: string) => s.replace(/\s+/g, " ").trim();
const TOKEN_SQL = q(`SELECT t."id", t."hash", t."prefix", t."organizationId", t."expiresAt", t."deletedAt", t."lastUsedAt", c."enabled"
  FROM "ScimToken" t LEFT JOIN "ScimConfig" c ON c."organizationId" = t."organizationId" WHERE t."hash" = $1`);
const MEMBER_COLS = MEMBER_FIELDS.map((f) => `"${f}"`).join(", ");
const MEMBER_BY_ID_SQL = q(`SELECT ${MEMBER_COLS} FROM "Member" WHERE "id" = $1 AND "organizationId" = $2 AND "scimManaged" = true`);
const MEMBER_BY_USERNAME_ANY_SQL = q(`SELECT ${MEMBER_COLS} FROM "Member" WHERE "organizationId" = $1 AND "userNameLower" = $2`);
const MEMBER_BY_USERNAME_SQL = `${MEMBER_BY_USERNAME_ANY_SQL} AND "scimManaged" = true`;
// The (organizationId, scimManaged, createdAt) index serves both; the order is Prisma's findMany's in list-users.
const SCIM_MEMBER_COUNT_SQL = `SELECT COUNT(*) FROM "Member" WHERE "organizationId" = $1 AND "scimManaged" = true`;
const SCIM_MEMBER_PAGE_SQL = `SELECT ${MEMBER_COLS} FROM "Member" WHERE "organizationId" = $1 AND "scimManaged" = true ORDER BY "createdAt" ASC, "id" ASC LIMIT $2 OFFSET $3`;

type Raw = readonly unknown[];
const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));
const bool = (v: unknown): boolean => v === true || v === 1 || v === 1n;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toToken(r: Raw | undefined): TokenRow | null {
  if (!r) return null;
  return {
    id: String(r[T.id]),
    hash: String(r[T.hash]),
    prefix: String(r[T.prefix]),
    organizationId: String(r[T.organizationId]),
    expiresAt: date(r[T.expiresAt]),
    deletedAt: dateOrNull(r[T.deletedAt]),
    lastUsedAt: dateOrNull(r[T.lastUsedAt]),
    scimEnabled: bool(r[T.scimEnabled]),
  };
}

function toMember(r: Raw | undefined): MemberRow | null {
  return r ? memberOf(r) : null;
}

function memberOf(r: Raw): MemberRow {
  return {
    id: String(r[M.id]),
    organizationId: String(r[M.organizationId]),
    role: String(r[M.role]),
    userName: String(r[M.userName]),
    externalId: str(r[M.externalId]),
    email: str(r[M.email]),
    givenName: str(r[M.givenName]),
    familyName: str(r[M.familyName]),
    displayName: str(r[M.displayName]),
    locked: bool(r[M.locked]),
    scimManaged: bool(r[M.scimManaged]),
    scimAttributes: str(r[M.scimAttributes]),
    version: Number(r[M.version]),
    createdAt: date(r[M.createdAt]),
    updatedAt: date(r[M.updatedAt]),
  };
}

export function sqliteFastReads(open: () => Database.Database): FastReads {
  const SQL = { token: TOKEN_SQL, byId: MEMBER_BY_ID_SQL, byUserName: MEMBER_BY_USERNAME_SQL, byUserNameAny: MEMBER_BY_USERNAME_ANY_SQL, count: SCIM_MEMBER_COUNT_SQL, page: SCIM_MEMBER_PAGE_SQL };
  type Statements = Record<keyof typeof SQL, Database.Statement>;
  let stmts: Statements | undefined;
  const prepared = () => {
    if (stmts) return stmts;
    const conn = open();
    // SQLite wants ?-placeholders; $1, $2 in the shared SQL are positional in the same order.
    const sqlite = (sql: string) => conn.prepare(sql.replace(/\$\d+/g, "?").replace(/= true/g, "= 1")).raw(true);
    return (stmts = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, sqlite(sql)])) as Statements);
  };
  return {
    tokenByHash: async (hash) => toToken(prepared().token.get(hash) as Raw | undefined),
    scimMemberById: async (orgId, id) => toMember(prepared().byId.get(id, orgId) as Raw | undefined),
    scimMemberByUserName: async (orgId, name) => toMember(prepared().byUserName.get(orgId, name) as Raw | undefined),
    memberByUserName: async (orgId, name) => toMember(prepared().byUserNameAny.get(orgId, name) as Raw | undefined),
    scimMemberPage: async (orgId, offset, limit) => ({
      total: Number((prepared().count.get(orgId) as Raw)[0]),
      rows: (prepared().page.all(orgId, limit, offset) as Raw[]).map(memberOf),
    }),
  };
}

// Prisma writes timestamp(3) without time zone, in UTC: parse them as UTC whatever the server's TZ.
const TIMESTAMP_OID = 1114;
const parseUtc = (v: string) => new Date(v.replace(" ", "T") + "Z");
const pgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === TIMESTAMP_OID ? parseUtc : pg.types.getTypeParser(oid, format ?? "text"))) as typeof pg.types.getTypeParser,
};

export function postgresFastReads(pool: Pool): FastReads {
  // Named statements: parsed and planned once per connection.
  const all = async (name: string, text: string, values: unknown[]) => (await pool.query<unknown[]>({ name, text, values, types: pgTypes, rowMode: "array" })).rows;
  const one = async (name: string, text: string, values: unknown[]) => (await all(name, text, values))[0];
  return {
    tokenByHash: async (hash) => toToken(await one("scim_token_by_hash", TOKEN_SQL, [hash])),
    scimMemberById: async (orgId, id) => toMember(await one("scim_member_by_id", MEMBER_BY_ID_SQL, [id, orgId])),
    scimMemberByUserName: async (orgId, name) => toMember(await one("scim_member_by_username", MEMBER_BY_USERNAME_SQL, [orgId, name])),
    memberByUserName: async (orgId, name) => toMember(await one("member_by_username", MEMBER_BY_USERNAME_ANY_SQL, [orgId, name])),
    scimMemberPage: async (orgId, offset, limit) => {
      const [count, rows] = await Promise.all([one("scim_member_count", SCIM_MEMBER_COUNT_SQL, [orgId]), all("scim_member_page", SCIM_MEMBER_PAGE_SQL, [orgId, limit, offset])]);
      return { total: Number(count![0]), rows: rows.map(memberOf) };
    },
  };
}
