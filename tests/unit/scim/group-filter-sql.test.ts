// Group filters → SQL text with every value a parameter, and Microsoft's unquoted values.
import { describe, expect, it } from "vitest";
import { render } from "@/lib/db/sql-statement";
import { groupFilterStatements } from "@/lib/groups/store/filter-sql";
import { parseFilter } from "@/lib/scim/filter/filter-to-where";
import { parseAttributeList } from "@/lib/scim/projection";

const compile = (filter: string) => {
  const { page, values } = groupFilterStatements(parseFilter(filter), '"id"');
  return { text: render(page, "postgres").text, values };
};

describe("group filter → SQL", () => {
  it("keeps values out of the SQL text", () => {
    const { text, values } = compile(`displayName eq "x' OR 1=1 --" or externalId co "50%_off"`);
    expect(text).not.toContain("OR 1=1");
    expect(text).toContain(`g."displayNameLower" = $2`);
    expect(text).toContain(`g."externalId" LIKE $3 ESCAPE '\\'`);
    expect(values).toEqual({ p0: "x' or 1=1 --", p1: "%50\\%\\_off%" });
  });

  it("members.value and members[value eq] test GroupMember rows", () => {
    expect(compile('members[value eq "u1"]').text).toContain(`EXISTS (SELECT 1 FROM "GroupMember" gm WHERE gm."groupId" = g."id" AND gm."memberId" = $2)`);
    expect(compile('members.value eq "u1"').text).toContain(`gm."memberId" = $2`);
    expect(compile("members pr").text).toContain("EXISTS");
  });

  it("a negation of a nullable column matches NULL too", () => {
    expect(compile('externalId ne "a"').text).toContain(`(g."externalId" IS NULL OR NOT (g."externalId" = $2))`);
  });

  it("names the statement after its text: one prepared statement per filter shape", () => {
    const a = groupFilterStatements(parseFilter('displayName co "a"'), '"id"');
    const b = groupFilterStatements(parseFilter('displayName co "b"'), '"id"');
    const c = groupFilterStatements(parseFilter('externalId co "a"'), '"id"');
    expect(a.page.name).toBe(b.page.name);
    expect(a.page.name).not.toBe(c.page.name);
  });

  it.each(['title eq "x"', 'members.display eq "x"', 'members[display eq "x"]', 'meta.created co "2020"', 'meta.created gt "yesterday"', `${"not (".repeat(80)}displayName eq "x"${")".repeat(80)}`])("refuses %s with invalidFilter", (filter) => {
    expect(() => compile(filter)).toThrow(expect.objectContaining({ status: 400, scimType: "invalidFilter" }));
  });
});

describe("Microsoft's test-tool forms", () => {
  it("reads unquoted values as strings, keeping literals and numbers", () => {
    expect(parseFilter("userName sw O")).toEqual({ op: "sw", attrPath: "userName", compValue: "O" });
    expect(parseFilter("meta.created gt 2015-10-10T14:38:21.8617979-07:00")).toEqual({ op: "gt", attrPath: "meta.created", compValue: "2015-10-10T14:38:21.8617979-07:00" });
    expect(parseFilter("active eq true")).toEqual({ op: "eq", attrPath: "active", compValue: true });
    expect(parseFilter('name.familyName eq Employee and userName eq "a b"')).toEqual({ op: "and", filters: [{ op: "eq", attrPath: "name.familyName", compValue: "Employee" }, { op: "eq", attrPath: "userName", compValue: "a b" }] });
  });

  it("attributes=emails[type eq \"work\"] names emails", () => {
    expect(parseAttributeList('emails[type eq "work"],userName')).toEqual([["emails"], ["userName"]]);
    expect(parseAttributeList('emails[type eq "a,b"].value')).toEqual([["emails", "value"]]);
  });
});
