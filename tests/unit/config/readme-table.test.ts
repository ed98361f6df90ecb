import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { variables, type Variable, type VariableName } from "@/lib/config/schema";

// README.md's "Configuration" table is what operators read: it must name exactly the
// variables lib/config/schema.ts knows, with the same defaults.

interface Documented {
  name: string;
  /** The default cell's part for this variable: a literal such as `5`, or prose ("off"). */
  defaultCell: string;
}

function documentedVariables(): Documented[] {
  const readme = readFileSync(path.join(__dirname, "../../../README.md"), "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("Configuration\n"));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  const rows = section
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2); // past the header and |---|
  return rows.flatMap((row) => {
    const [names = "", defaults = ""] = row
      .split("|")
      .slice(1)
      .map((cell) => cell.trim());
    const found = [...names.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1] ?? "");
    const parts = defaults.split(/,\s+/);
    // One default per variable, or one that holds for all of them ("off").
    if (parts.length !== found.length && parts.length !== 1)
      throw new Error(`README row ${names}: ${parts.length} defaults for ${found.length} variables`);
    return found.map((name, i) => ({ name, defaultCell: parts[parts.length === 1 ? 0 : i] ?? "" }));
  });
}

const isKnown = (name: string): name is VariableName => Object.hasOwn(variables, name);

describe("README configuration table", () => {
  const documented = documentedVariables();

  it("lists exactly the variables of the schema", () => {
    expect(documented.map((d) => d.name).sort()).toEqual(Object.keys(variables).sort());
  });

  it.each(documented)("$name: documented default $defaultCell is the schema's", ({ name, defaultCell }) => {
    if (!isKnown(name)) throw new Error(`${name} is not in lib/config/schema.ts`);
    const variable: Variable<unknown> = variables[name];
    const literal = /^`([^`]+)`$/.exec(defaultCell)?.[1];
    // A literal is the schema's default text; prose ("off", "random") means the schema has none.
    expect(variable.default).toBe(literal);
  });
});
