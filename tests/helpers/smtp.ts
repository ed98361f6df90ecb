// A real SMTP server on loopback (smtp-server) that keeps what it receives, or refuses it.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface TestSmtp {
  url: string;
  mails: ReceivedMail[];
  /** While true, every message is refused with a 451 after DATA. */
  refuse: boolean;
  stop(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (state.refuse) return callback(Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 }));
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        mails.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    get refuse() {
      return state.refuse;
    },
    set refuse(v: boolean) {
      state.refuse = v;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Mails to one address. */
export function mailsTo(smtp: TestSmtp, address: string): ReceivedMail[] {
  return smtp.mails.filter((m) => m.to.includes(address));
}

export function subjectOf(m: ReceivedMail): string {
  return /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(m.raw)?.[1]?.replace(/\r?\n[ \t]/g, " ") ?? "";
}

/** The message as text: quoted-printable soft breaks and escapes undone (nodemailer encodes long lines). */
export function textOf(m: ReceivedMail): string {
  const bytes = m.raw
    .replace(/=\r?\n/g, "")
    .replace(/(=[0-9A-F]{2})+/g, (run) => Buffer.from(run.replace(/=/g, ""), "hex").toString("utf8"));
  return bytes;
}
