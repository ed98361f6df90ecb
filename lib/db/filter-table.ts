// What a store lets a filter compare, and how it keeps each attribute: the table a store declares
// (lib/members/store/filter-table.ts, lib/groups/store/filter-table.ts) and the SCIM filter
// compiler (lib/scim/filter/compile-filter.ts) reads. Column SQL is ours, qualified by the alias
// the store's statement gives its table; the compiler never writes a name it was sent.

export interface FilterColumn {
  /** The column, qualified: `m."userNameLower"`. */
  sql: string;
  type: "string" | "boolean" | "date";
  /** Kept lower-cased (a case-insensitive attribute): the value is lower-cased before comparing. */
  lower?: boolean;
  /** May be NULL: a row without the attribute matches its negation (`ne`, `not`). */
  nullable?: boolean;
  /** Holds the attribute's negation (`active` is NOT `locked`). */
  invert?: boolean;
}

/** A multi-valued attribute kept in a child table: it matches when one of the row's children does. */
export interface FilterChild {
  /** `"MemberEmail" e WHERE e."memberId" = m."id"`: the children of the outer row. */
  rows: string;
  /** Sub-attributes by lower-cased name; `value` is the one the bare attribute compares (`emails co "x"`). */
  columns: Readonly<Record<string, FilterColumn>> & { readonly value: FilterColumn };
}

export interface FilterTable {
  /** Attributes by lower-cased path: "username", "name.givenname", "meta.created". */
  columns: Readonly<Record<string, FilterColumn>>;
  /** Multi-valued attributes by lower-cased name: "emails", "members". */
  children: Readonly<Record<string, FilterChild>>;
}
