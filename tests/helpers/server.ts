import { inject } from "vitest";

/** Origin of the running `next start` under test, e.g. http://127.0.0.1:41234 */
export const baseUrl = (): string => inject("baseUrl");
