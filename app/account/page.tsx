import type { Metadata } from "next";
import { AccountView } from "@/components/account/account-view";
import { myAccount } from "@/lib/auth/my-account";
import { refusedEverywhere, requireSession } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "My account" };

// /account — a signed-in member's own profile (where members without the IAM permission land).
export default async function AccountPage() {
  const session = await requireSession("/account");
  const account = myAccount(session);
  if (!account) refusedEverywhere(session);
  return <AccountView account={account} email={session.user.email} />;
}
