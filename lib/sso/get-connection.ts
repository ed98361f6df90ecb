import { AppError } from "../errors";
import type { TestResult } from "./complete-sign-in";
import { toConnectionView, type SsoConnectionView } from "./connection-view";
import { findConnection } from "./load-connection";
import { SsoRefusal } from "./refusal";
import { startSignIn, type StartedSignIn } from "./start-sign-in";
import { peekRequest } from "./sso-requests";

export async function getSsoConnection(orgId: string, origin: string): Promise<SsoConnectionView> {
  return toConnectionView(await findConnection(orgId), origin, orgId);
}

export async function startTestSignIn(orgId: string, origin: string, by: { id: string; label: string }): Promise<StartedSignIn> {
  try {
    return await startSignIn(orgId, origin, { testBy: by });
  } catch (err) {
    if (err instanceof SsoRefusal) throw new AppError("conflict", "Save a single sign-on connection first, then test it.");
    if (err instanceof AppError) throw err;
    throw new AppError("conflict", `The identity provider could not be reached: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The result of a Test sign-in, for the settings page. */
export async function getTestResult(orgId: string, id: string): Promise<TestResult | null> {
  const found = await peekRequest(id, orgId, "test-result");
  return (found?.data.result as TestResult | undefined) ?? null;
}
