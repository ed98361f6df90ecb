// Shared by the disable dialog and the disable route: the typed confirmation must be exactly this.
export const CONFIRM_WORD = "Disable";

export function isDisableConfirmed(text: string): boolean {
  return text === CONFIRM_WORD;
}
