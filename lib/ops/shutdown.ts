import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { startDraining } from "./lifecycle";
import { flushLogs, logger } from "./logger";

// Graceful shutdown under `next start` (docs/OPERATIONS.md). Next 16's own SIGTERM handler
// (next/dist/server/lib/start-server.js) closes the server, waits for every connection without
// a time limit, then exits 143, with the database pool still open. It steps aside when
// NEXT_MANUAL_SIG_HANDLE is set (scripts/start.mjs and the test servers set it); this handler
// then does: /api/ready answers 503, the listening socket closes (no new connections; idle
// keep-alive connections close), requests in flight finish (up to SHUTDOWN_GRACE_SECONDS),
// the database closes, exit 0. The HTTP server and the requests in flight are observed through
// Node's built-in diagnostics channels, which Next does not hide.

interface RequestMessage {
  request: IncomingMessage;
  response: ServerResponse;
  server: Server;
}

interface Options {
  /** NEXT_MANUAL_SIG_HANDLE is set: Next leaves SIGTERM to us. */
  nextLeavesSignals: boolean;
  graceSeconds: number;
  closeDatabase: () => Promise<void>;
}

const state = globalThis as unknown as { __shutdownInstalled?: boolean };

export function installGracefulShutdown({ nextLeavesSignals, graceSeconds, closeDatabase }: Options): void {
  if (state.__shutdownInstalled) return;
  state.__shutdownInstalled = true;
  if (!nextLeavesSignals) {
    logger.warn(
      "NEXT_MANUAL_SIG_HANDLE is not set: next start handles SIGTERM itself (no grace limit, /api/ready stays 200, exit code 143). npm start sets it.",
    );
    return;
  }
  const servers = new Set<Server>();
  let inFlight = 0;
  let onIdle: (() => void) | undefined;
  subscribe("http.server.request.start", (message) => {
    const { response, server } = message as RequestMessage;
    servers.add(server);
    inFlight++;
    // "close" comes once per response, whether it finished or the client went away.
    response.once("close", () => {
      inFlight--;
      if (inFlight === 0) onIdle?.();
    });
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    startDraining();
    logger.info({ signal, inFlight, graceSeconds }, "Shutting down: no new connections, finishing requests in flight");
    for (const server of servers) {
      server.close();
      server.closeIdleConnections();
    }
    const idle = new Promise<boolean>((resolve) => {
      onIdle = () => resolve(true);
      if (inFlight === 0) resolve(true);
    });
    const late = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceSeconds * 1000).unref());
    const finished = await Promise.race([idle, late]);
    if (!finished)
      logger.warn({ inFlight }, `Shutdown: ${inFlight} request(s) still in flight after ${graceSeconds} s; closing their connections`);
    for (const server of servers) server.closeAllConnections();
    try {
      await closeDatabase();
    } catch (err) {
      logger.error({ err }, "Shutdown: closing the database failed");
    }
    logger.info("Shutdown complete");
    flushLogs();
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, (s) => void stop(s));
}
