// A TCP proxy between the app and PostgreSQL, to take the database away without touching the
// shared server. cut(): every open connection reset, new ones refused (a server that went
// down). blackhole(): open connections reset, new ones accepted and never answered (a host
// gone behind a load balancer, dropped packets). restore(): forwarding again, same port.
import { connect, createServer, type Server, type Socket } from "node:net";

export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private silent = false;
  port = 0;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetHost, targetPort);
    await proxy.restore();
    return proxy;
  }

  /** The same URL, pointing at the proxy instead of the database server. */
  rewrite(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = "127.0.0.1";
    url.port = String(this.port);
    return url.toString();
  }

  private track(socket: Socket) {
    this.sockets.add(socket);
    socket.on("error", () => socket.destroy());
    socket.on("close", () => this.sockets.delete(socket));
  }

  private accept(client: Socket) {
    this.track(client);
    if (this.silent) return; // accepted, never answered
    const upstream = connect(this.targetPort, this.targetHost);
    this.track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  }

  private resetAll() {
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
  }

  async restore(): Promise<void> {
    this.resetAll(); // connections accepted while silent are useless
    this.silent = false;
    if (this.server) return;
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    const address = server.address();
    this.port = typeof address === "object" && address ? address.port : 0;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.resetAll();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  blackhole(): void {
    this.silent = true;
    this.resetAll();
  }

  close = () => this.cut();
}
