import { parseConfig, type ParseResult } from "./schema";

// The process's one reading of the environment: parsed when first imported, then kept on
// globalThis, because Next may load a module once per bundle (instrumentation, route handlers)
// and every copy must see the same parse. lib/config.ts (the configuration everyone imports),
// the start-up check (exit-on-invalid-config.ts) and the logger's level all read this value.
// It does not throw: the start-up check turns a bad value into its sentences.

const globalForConfig = globalThis as unknown as { __environment?: ParseResult };

export const environment: ParseResult = globalForConfig.__environment ?? (globalForConfig.__environment = parseConfig(process.env));
