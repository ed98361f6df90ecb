import { AppError } from "../errors";

/** Who acts from the console on a member. */
export interface ConsoleActor {
  userId: string;
  email: string;
  memberId: string; // the actor's own membership: nobody locks or removes themselves
}

export const memberNotFound = () => new AppError("not_found", "This member does not exist in this organization. They may have been removed.");

export const changedMeanwhile = () =>
  new AppError("conflict", "This member was changed at the same time (perhaps by your identity provider). Reload the page and try again.");
