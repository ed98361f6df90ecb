// SIGTERM against a real `next start` (as npm start runs it, NEXT_MANUAL_SIG_HANDLE set): no new
// connections, /api/ready 503, the request in flight completes, the process exits 0 — and a
// request that outlives SHUTDOWN_GRACE_SECONDS does not keep the process alive.
// "In flight" honestly: a SCIM POST whose body is still being sent when the signal comes.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrganization, enableScimWithToken, type TestOrganization } from "../../helpers/fixtures";
import { startServer, type RunningServer } from "../../setup/server-process";
import { killHard, sleep } from "../../stress/support/app-server";

let dir: string;
let org: TestOrganization;
let token: string;
const servers: RunningServer[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "scim-shutdown-"));
  org = await createOrganization();
  token = await enableScimWithToken(org);
});
afterAll(async () => {
  for (const s of servers) await killHard(s);
  rmSync(dir, { recursive: true, force: true });
});

async function serve(label: string, env: Record<string, string>) {
  const server = await startServer({ databaseUrl: inject("databaseUrl"), logFile: path.join(dir, `${label}.log`), env });
  servers.push(server);
  const { hostname, port } = new URL(server.baseUrl);
  return { server, hostname, port: Number(port), log: () => readFileSync(path.join(dir, `${label}.log`), "utf8") };
}

const exitOf = (server: RunningServer) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null)
      return resolve({ code: server.process.exitCode, signal: server.process.signalCode });
    server.process.once("exit", (code, signal) => resolve({ code, signal }));
  });

/** A raw connection that collects everything the server sends until it closes. */
function rawConnection(hostname: string, port: number): Promise<{ socket: Socket; received: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, hostname, () => {
      let text = "";
      socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
      const received = new Promise<string>((done) => socket.on("close", () => done(text)));
      resolve({ socket, received });
    });
    socket.once("error", reject);
  });
}

/** The child's output reaches the log file through a pipe and a file stream: after "exit", it may still be on its way. */
async function logged(log: () => string, text: string): Promise<boolean> {
  for (let i = 0; i < 50 && !log().includes(text); i++) await sleep(100);
  return log().includes(text);
}

const refused = (url: string) =>
  fetch(url).then(
    () => false,
    () => true,
  );

function slowScimPost(hostname: string, port: number, body: string): string {
  return [
    `POST /scim/v2/${org.orgId}/Users HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    `Authorization: Bearer ${token}`,
    "Content-Type: application/scim+json",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "",
    "",
  ].join("\r\n");
}

describe("graceful shutdown", () => {
  it("SIGTERM: no new connections, /api/ready 503, the request in flight completes 201, exit 0", async () => {
    const { server, hostname, port, log } = await serve("drain", { SHUTDOWN_GRACE_SECONDS: "20" });
    expect((await fetch(`${server.baseUrl}/api/ready`)).status).toBe(200);
    const body = JSON.stringify({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: `in.flight.${Date.now()}@contoso.example`,
    });
    const { socket, received } = await rawConnection(hostname, port);
    socket.write(slowScimPost(hostname, port, body) + body.slice(0, 10));
    await sleep(500); // the server has the request's headers and part of its body

    const exited = exitOf(server);
    server.process.kill("SIGTERM");
    await sleep(1000);
    expect(server.process.exitCode).toBeNull(); // still finishing the request
    expect(await refused(`${server.baseUrl}/api/health`)).toBe(true); // no new connections

    // The rest of the body, and on the same connection a readiness probe, as a load balancer's keep-alive would send.
    socket.write(body.slice(10) + `GET /api/ready HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`);
    const text = await received;
    const statuses = [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
    expect(statuses).toEqual([201, 503]);
    expect(text).toContain('"reason":"shutting_down"');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(await logged(log, "Shutdown complete")).toBe(true);
  }, 60_000);

  it("a request still in flight after SHUTDOWN_GRACE_SECONDS does not keep the process alive: exit 0", async () => {
    const { server, hostname, port, log } = await serve("grace", { SHUTDOWN_GRACE_SECONDS: "1" });
    const body = JSON.stringify({ userName: `never.finished.${Date.now()}@contoso.example` });
    const { socket, received } = await rawConnection(hostname, port);
    socket.write(slowScimPost(hostname, port, body) + body.slice(0, 5)); // the rest never comes
    await sleep(500);
    const exited = exitOf(server);
    server.process.kill("SIGTERM");
    expect(await exited).toEqual({ code: 0, signal: null });
    await received; // its connection was closed, not left hanging
    expect(await logged(log, "1 request(s) still in flight after 1 s")).toBe(true);
  }, 60_000);
});
