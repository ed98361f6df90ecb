// Next calls register() once when the server starts: refuse to serve with an invalid environment.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnInvalidConfig } = await import("./lib/config/exit-on-invalid-config");
    exitOnInvalidConfig();
  }
}
