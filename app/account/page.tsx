import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountView } from "@/components/account/account-view";
import { myAccount } from "@/lib/auth/my-account";
import { getSessionUser } from "@/lib/auth/session";
import { renderingData } from "@/lib/http/page-errors";

export const metadata: Metadata = { title: "My account" };

// /account — a signed-in member's own profile (where members without the IAM permission land).
export default async function AccountPage() {
  const user = await renderingData(getSessionUser);
  if (!user) redirect("/login?callbackUrl=%2Faccount");
  const account = await renderingData(() => myAccount(user));
  if (account === "locked") redirect("/login?error=locked");
  return <AccountView account={account} email={user.email} />;
}
