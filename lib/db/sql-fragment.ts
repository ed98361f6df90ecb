import type { Part, Statement } from "./sql-statement";

// Statements whose shape is decided at run time — a SCIM filter, the console's search — are
// composed from fragments: SQL text of ours, and values that travel as parameters and are never
// written into the text. The finished statement is rendered for either database by
// sql-statement.ts like every other one, and is prepared for its one call (`once`).

/** A value to bind as a parameter. */
export interface Bound {
  bound: unknown;
}

type Piece = Part<string> | Bound;

export interface Fragment {
  /** One more than `pieces`: the text around each piece. */
  readonly strings: readonly string[];
  readonly pieces: readonly Piece[];
}

export const bind = (value: unknown): Bound => ({ bound: value });

const isFragment = (p: Piece | Fragment): p is Fragment => typeof p === "object" && "pieces" in p;
const isBound = (p: Piece): p is Bound => typeof p === "object" && "bound" in p;

/**
 * `fragment\`m."locked" = ${bind(true)} AND (${other})\``: values through `bind`, named
 * parameters as in a statement (`${"orgId"}`), fragments spliced in where they stand.
 */
export function fragment(strings: readonly string[], ...parts: (Piece | Fragment)[]): Fragment {
  const out = [strings[0] ?? ""];
  const pieces: Piece[] = [];
  parts.forEach((part, i) => {
    if (isFragment(part)) {
      out[out.length - 1] += part.strings[0] ?? "";
      part.pieces.forEach((p, j) => {
        pieces.push(p);
        out.push(part.strings[j + 1] ?? "");
      });
    } else {
      pieces.push(part);
      out.push("");
    }
    out[out.length - 1] += strings[i + 1] ?? "";
  });
  return { strings: out, pieces };
}

/** SQL text of ours (a column, a keyword), never a value. */
export const text = (sql: string): Fragment => ({ strings: [sql], pieces: [] });

export function join(fragments: readonly Fragment[], separator: string): Fragment {
  if (!fragments.length) throw new Error("join: no fragments");
  return fragment(["", ...fragments.slice(1).map(() => separator), ""], ...fragments);
}

/**
 * The statement, and the values it binds by name (`b0`, `b1`… in the order they stand, so
 * statements sharing a condition — a count and its page — share the values).
 */
export function toStatement(name: string, f: Fragment): { statement: Statement<string>; values: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  let n = 0;
  const params = f.pieces.map((p) => {
    if (!isBound(p)) return p;
    const key = `b${n++}`;
    values[key] = p.bound;
    return key;
  });
  return { statement: { name, strings: f.strings, params, once: true }, values };
}
