import { describe, expect, it } from "vitest";
import { managerIdOf, scimAttributesView } from "@/lib/members/scim-attributes-view";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const member = { userName: "grace@acme.test", externalId: "00u-1", locked: false };

describe("SCIM attributes as the console shows them", () => {
  it("turns the stored resource into readable rows, in a fixed order", () => {
    const view = scimAttributesView(
      member,
      {
        name: { givenName: "Grace", familyName: "Hopper", honorificPrefix: "Dr." },
        emails: [{ value: "grace@acme.test", type: "work", primary: true }, { value: "g@home.test" }],
        phoneNumbers: [{ value: "+33 1 23 45 67 89", type: "mobile" }],
        addresses: [{ locality: "Paris", country: "FR", type: "work" }],
        title: "Admiral",
        preferredLanguage: "en-US",
        [ENTERPRISE]: { employeeNumber: 1906, department: "Navy", manager: { value: "m-boss" } },
      },
      "Big Boss",
    );
    expect(view.rows).toEqual([
      { label: "External ID", value: "00u-1" },
      { label: "Name", value: "Dr. Grace Hopper" },
      { label: "Emails", value: "grace@acme.test (work, primary); g@home.test" },
      { label: "Phone numbers", value: "+33 1 23 45 67 89 (mobile)" },
      { label: "Addresses", value: "Paris, FR (work)" },
      { label: "Title", value: "Admiral" },
      { label: "Employee number", value: "1906" },
      { label: "Department", value: "Navy" },
      { label: "Manager", value: "Big Boss (m-boss)" },
      { label: "Preferred language", value: "en-US" },
    ]);
    expect(view.raw).toMatchObject({ userName: "grace@acme.test", externalId: "00u-1", active: true, title: "Admiral" });
  });

  it("says so when the manager is not a member, and ignores values of the wrong shape", () => {
    const view = scimAttributesView(
      { ...member, externalId: null, locked: true },
      { title: ["not", "a", "string"], emails: "nope", [ENTERPRISE]: { manager: { value: "ghost" } } },
      null,
    );
    expect(view.rows).toEqual([{ label: "Manager", value: "ghost (not a member of this organization)" }]);
    expect(view.raw).toMatchObject({ active: false });
    expect(view.raw).not.toHaveProperty("externalId");
  });

  it("finds the manager id only where RFC 7643 puts it", () => {
    expect(managerIdOf({ [ENTERPRISE]: { manager: { value: "m1" } } })).toBe("m1");
    expect(managerIdOf({ [ENTERPRISE]: { manager: "m1" } })).toBeNull();
    expect(managerIdOf({ manager: { value: "m1" } })).toBeNull();
  });
});
