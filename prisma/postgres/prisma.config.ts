import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// CLI config for the derived PostgreSQL schema (generate, migrate diff, db execute).
export default defineConfig({
  schema: "schema.prisma",
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" }),
});
