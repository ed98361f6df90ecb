import { bind, fragment, text, type Fragment } from "./sql-fragment";
import { dialects } from "./sql-statement";

// The one LIKE of the code base: a SCIM filter's co / sw / ew and the console's searches (members,
// activity). The value is matched literally: `%`, `_` and the escape character itself are escaped, and the ESCAPE
// clause names that character on both databases (PostgreSQL's default escape is `\`, SQLite has
// none by default).
//
// Case: PostgreSQL's LIKE is case-sensitive, SQLite's folds ASCII letters (and only those). A
// case-insensitive attribute is kept lower-cased in its own column and compared with the value
// lower-cased, in JavaScript on both sides, so both databases give the same answer for every
// script. A case-exact column is checked once more, case-sensitively, by position (which
// PostgreSQL's LIKE already is: there the second check changes nothing).

export type TextMatch = "contains" | "startsWith" | "endsWith";

const ESCAPE = "\\";

export function likePattern(match: TextMatch, value: string): string {
  const literal = value.replace(/[\\%_]/g, (c) => ESCAPE + c);
  return match === "startsWith" ? `${literal}%` : match === "endsWith" ? `%${literal}` : `%${literal}%`;
}

const position = dialects({ sqlite: "instr", postgres: "strpos" }); // (haystack, needle) on both; "" is at 1

/** `column` (SQL of ours) contains, starts or ends with `value`, literally. */
export function textMatch(column: string, match: TextMatch, value: string, caseExact: boolean): Fragment {
  const col = text(column);
  const like = fragment`${col} LIKE ${bind(likePattern(match, value))} ESCAPE '${text(ESCAPE)}'`;
  if (!caseExact) return like;
  const v = bind(value);
  // After LIKE matched, the column is at least as long as the value (SQLite folds ASCII only).
  const exact =
    match === "contains"
      ? fragment`${position}(${col}, ${v}) > 0`
      : match === "startsWith"
        ? fragment`${position}(${col}, ${v}) = 1`
        : fragment`substr(${col}, length(${col}) - length(${v}) + 1) = ${v}`;
  return fragment`(${like} AND ${exact})`;
}
