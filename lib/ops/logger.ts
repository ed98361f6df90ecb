import pino, { type DestinationStream, type Logger } from "pino";
import { environment } from "../config/environment";
import { redactPaths, scrubSecrets } from "./redact";

// The process's one logger: JSON lines on stdout (docs/OPERATIONS.md lists their fields).
// Kept on globalThis: Next may load this module once per bundle (route handlers, instrumentation).
// The level is read from the one parse of the environment, not through lib/config.ts, which
// throws on an invalid environment: the line that says the environment is invalid is itself logged here.

function level(): string {
  return environment.ok ? environment.config.LOG_LEVEL : "info";
}

function errorSerializer(err: unknown): unknown {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  // Messages and stacks may quote what a library was given: scrub, never trust.
  for (const key of ["message", "stack"]) if (typeof out[key] === "string") out[key] = scrubSecrets(out[key]);
  return out;
}

/** The logger's configuration on any destination (stdout in the server; a buffer in tests/unit/ops/logger.test.ts). */
export function createLogger(destination?: DestinationStream, logLevel = level()): Logger {
  const options: pino.LoggerOptions = {
    level: logLevel,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: errorSerializer, error: errorSerializer },
    redact: { paths: redactPaths(), censor: "[redacted]" },
    hooks: {
      // Free text (the message, printf arguments) is scrubbed as well as objects' keys.
      logMethod(args, method) {
        for (let i = 0; i < args.length; i++) if (typeof args[i] === "string") args[i] = scrubSecrets(args[i] as string);
        method.apply(this, args);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

// Request lines are the one log written on every request: written synchronously, each is a
// write(2) of its own (~10 µs of the SCIM hot path). They are gathered instead and written in
// blocks of 4 KB, and at least every 200 ms, so a line reaches stdout that soon when traffic is
// light; the shutdown handler and the process's exit write what is left (a SIGKILL loses at
// most that one block). Every other line (errors above all) stays synchronous.
// The lines are gathered here, not in sonic-boom's own buffer (its minLength): that one appends
// to one string and measures its byte length on every write, which re-copies the growing block
// for each line; here a line is one push, and sonic-boom receives whole blocks.
const REQUEST_LINES_BLOCK = 4096;
const REQUEST_LINES_FLUSH_MS = 200;

function bufferedStdout(): { write(line: string): void; flushSync(): void } {
  const dest = pino.destination({ dest: 1, sync: false });
  let lines: string[] = [];
  let length = 0;
  const writeBlock = () => {
    if (!lines.length) return; // an idle server does not write empty blocks
    dest.write(lines.join(""));
    lines = [];
    length = 0;
  };
  setInterval(writeBlock, REQUEST_LINES_FLUSH_MS).unref();
  const flushSync = () => {
    writeBlock();
    dest.flushSync();
  };
  process.on("exit", flushSync);
  return {
    write: (line: string) => {
      lines.push(line);
      length += line.length;
      if (length >= REQUEST_LINES_BLOCK) writeBlock();
    },
    flushSync,
  };
}

type Lines = ReturnType<typeof bufferedStdout>;
const globalForLogger = globalThis as unknown as { __logger?: Logger; __requestLines?: Lines };
export const logger: Logger = globalForLogger.__logger ?? (globalForLogger.__logger = createLogger());
const requestLines: Lines = globalForLogger.__requestLines ?? (globalForLogger.__requestLines = bufferedStdout());

/**
 * One request line, in the format of every other line (`level`, `time`, `pid`, then the fields,
 * then `msg`), at the level LOG_LEVEL allows. Serialized here with JSON.stringify, not by pino:
 * its fields are all ours and bounded (ids, route pattern, status, duration), and pino's
 * per-call work (level, mixins, its own serializer) was ~12 µs of each SCIM request.
 */
export function writeRequestLine(level: "info" | "error", fields: object): void {
  if (!logger.isLevelEnabled(level)) return;
  requestLines.write(`${JSON.stringify({ level, time: new Date().toISOString(), pid: process.pid, ...fields, msg: "request" })}\n`);
}

/** At shutdown: the request lines still gathered, then the general logger's. */
export function flushLogs(): void {
  try {
    globalForLogger.__requestLines?.flushSync();
  } catch {
    // stdout gone (a closed pipe): nothing left to write to.
  }
  logger.flush();
}
