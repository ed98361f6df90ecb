import { parse, type Filter } from "scim2-parse-filter";
import { badRequest } from "../errors";
import { limitDetail, SCIM_LIMITS } from "../http/limits";

// A SCIM filter (RFC 7644 §3.4.2.2) → scim2-parse-filter's tree, within the filter limits.
// compile-filter.ts turns the tree into SQL for either resource.

export const invalidFilter = (detail: string) => badRequest("invalidFilter", detail);

/** Comparisons in a parsed filter: each becomes one SQL condition. */
function comparisons(node: Filter): number {
  switch (node.op) {
    case "and":
    case "or":
      return node.filters.reduce((n, f) => n + comparisons(f), 0);
    case "not":
      return comparisons(node.filter);
    case "[]":
      return comparisons(node.valFilter);
    default:
      return 1;
  }
}

// `userName eq "…"` with no escapes or control characters: Entra and Okta send it before
// every create and update. Built directly, as the very node scim2-parse-filter returns for it
// (a unit test holds the two equal); every other filter goes to the parser.
const USERNAME_EQ = /^(userName) +eq +"([^"\\\u0000-\u001f]*)"$/i;

// Microsoft's reference implementation and test tools leave values unquoted where unambiguous
// (`userName sw O`, `name.familyName eq Employee`, `meta.created gt 2015-10-10T14:38:21.86-07:00`).
// Only after a strict parse failed: a bare word after a comparison operator is read as a
// string, except the JSON literals and numbers, which keep their meaning.
const BARE_VALUE = /(\b(?:eq|ne|co|sw|ew|gt|ge|lt|le)\s+)([^\s"()[\]]+)(?=\s|\)|\]|$)/gi;
const JSON_LITERAL = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)$/;

function quoteBareValues(filter: string): string {
  return filter.replace(BARE_VALUE, (whole, op: string, value: string) => (JSON_LITERAL.test(value) ? whole : op + JSON.stringify(value)));
}

function parseLenient(filter: string): Filter {
  try {
    return parse(filter);
  } catch {
    return parse(quoteBareValues(filter));
  }
}

export function parseFilter(filter: string): Filter {
  const { filterLength, filterComparisons } = SCIM_LIMITS;
  if (filter.length > filterLength) throw invalidFilter(limitDetail("the filter is too long", filterLength, "characters"));
  const simple = USERNAME_EQ.exec(filter);
  if (simple) return { op: "eq", attrPath: simple[1]!, compValue: simple[2]! };
  let parsed: Filter;
  try {
    parsed = parseLenient(filter);
  } catch {
    throw invalidFilter("The filter is not a valid SCIM filter expression (RFC 7644 §3.4.2.2).");
  }
  if (comparisons(parsed) > filterComparisons)
    throw invalidFilter(limitDetail("the filter has too many comparisons", filterComparisons, "comparisons"));
  return parsed;
}
