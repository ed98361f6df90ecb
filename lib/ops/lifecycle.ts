// Whether this instance is shutting down (SIGTERM received): GET /api/ready then answers 503.
// On globalThis: instrumentation (which receives the signal) and the route handlers are
// different module instances in Next's build.

const state = globalThis as unknown as { __draining?: boolean };

export const isDraining = (): boolean => state.__draining === true;
export const startDraining = (): void => void (state.__draining = true);
