import { describe, expect, it } from "vitest";
import { isDisableConfirmed } from "@/lib/provisioning/confirm-word";
import { disableScimInput } from "@/lib/provisioning/disable-scim";
import { can, type MemberAccess } from "@/lib/auth/permissions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("typed confirmation for disabling SCIM", () => {
  it.each([
    ["Disable", true],
    ["disable", false],
    ["DISABLE", false],
    [" Disable", false],
    ["Disable ", false],
    ["Disabl", false],
    ["", false],
  ])("%j → %s", (text, ok) => {
    expect(isDisableConfirmed(text)).toBe(ok);
    expect(disableScimInput.safeParse({ confirm: text }).success).toBe(ok);
  });
});

describe("permissions", () => {
  const access = (role: string, iamPermission: boolean): MemberAccess => ({ memberId: "m", organizationId: "o", role, iamPermission });
  it.each([
    ["owner", false, true],
    ["member", true, true],
    ["member", false, false],
    ["unknown-role", false, false],
  ])("role %s with IAM permission %s may manage provisioning: %s", (role, iam, expected) => {
    expect(can(access(role, iam), "provisioning:manage")).toBe(expected);
    expect(can(access(role, iam), "activity:read")).toBe(expected);
  });
});

describe("password hashing (scrypt)", () => {
  it("verifies the right password only, with a random salt", async () => {
    const a = await hashPassword("s3cret pass");
    const b = await hashPassword("s3cret pass");
    expect(a).not.toBe(b);
    expect(a.startsWith("scrypt$32768$8$1$")).toBe(true);
    expect(await verifyPassword("s3cret pass", a)).toBe(true);
    expect(await verifyPassword("s3cret pasS", a)).toBe(false);
    expect(await verifyPassword("s3cret pass", "garbage")).toBe(false);
  });
});
