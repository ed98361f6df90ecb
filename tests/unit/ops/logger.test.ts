import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/ops/logger";

const TOKEN = "scim_Qm9vZ2xlLWlzLW5vdC1hLXRva2VuLWJ1dC1sb25nLWVub3VnaA";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) }, "info");
  return { log, lines };
}

describe("logger", () => {
  it("writes errors with their stack, scrubbed of credentials", () => {
    const { log, lines } = capture();
    log.error({ err: new Error(`driver said: token ${TOKEN} rejected`) }, "Unhandled SCIM error");
    const err = lines[0]?.err as { message: string; stack: string; type: string };
    expect(err.type).toBe("Error");
    expect(err.stack).toMatch(/logger\.test\.ts/);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
    expect(err.message).toContain("[redacted]");
  });

  it("censors secret-named keys wherever they are and scrubs free text", () => {
    const { log, lines } = capture();
    log.info(
      { headers: { authorization: `Bearer ${TOKEN}` }, body: { password: "hunter2hunter2", clientSecret: "s3cr3t-value" } },
      `seen Bearer ${TOKEN}`,
    );
    const text = JSON.stringify(lines);
    for (const secret of [TOKEN, "hunter2hunter2", "s3cr3t-value"]) expect(text).not.toContain(secret);
  });

  it("follows the level", () => {
    const lines: string[] = [];
    const log = createLogger({ write: (s: string) => void lines.push(s) }, "warn");
    log.info("dropped");
    log.warn("kept");
    expect(lines).toHaveLength(1);
  });
});
