import { describe, expect, it } from "vitest";
import { forUpdate, list, listed, raw, render, statement } from "@/lib/db/sql-statement";

// One statement text, each dialect's placeholders: nothing is rewritten by pattern.
describe("sql statements", () => {
  const byId = statement("t_by_id")`SELECT ${raw(`"id", "name"`)} FROM "T"
    WHERE "id" = ${"id"} AND "org" = ${"orgId"} AND "flag" = true`;

  it("renders ? for SQLite and $n for PostgreSQL, with the parameters in placeholder order", () => {
    expect(render(byId, "sqlite")).toEqual({
      text: `SELECT "id", "name" FROM "T" WHERE "id" = ? AND "org" = ? AND "flag" = true`,
      order: [
        { name: "id", list: false },
        { name: "orgId", list: false },
      ],
    });
    expect(render(byId, "postgres").text).toBe(`SELECT "id", "name" FROM "T" WHERE "id" = $1 AND "org" = $2 AND "flag" = true`);
  });

  it("repeats a parameter where it is named twice", () => {
    const s = statement("t_touch")`UPDATE "T" SET "a" = ${"now"}, "b" = ${"now"} WHERE "id" = ${"id"}`;
    expect(render(s, "postgres")).toEqual({
      text: `UPDATE "T" SET "a" = $1, "b" = $2 WHERE "id" = $3`,
      order: ["now", "now", "id"].map((name) => ({ name, list: false })),
    });
  });

  it("renders a list as = ANY on PostgreSQL and json_each on SQLite", () => {
    const s = statement("t_in")`SELECT 1 FROM "T" WHERE "org" = ${"orgId"} AND "id" ${list("ids")}`;
    expect(render(s, "postgres").text).toBe(`SELECT 1 FROM "T" WHERE "org" = $1 AND "id" = ANY($2)`);
    expect(render(s, "sqlite")).toEqual({
      text: `SELECT 1 FROM "T" WHERE "org" = ? AND "id" IN (SELECT value FROM json_each(?))`,
      order: [
        { name: "orgId", list: false },
        { name: "ids", list: true },
      ],
    });
  });

  it("renders a list as a table to start a join from: unnest on PostgreSQL, json_each on SQLite", () => {
    const s = statement(
      "t_from",
    )`SELECT t."id" FROM ${listed("ids")} CROSS JOIN "T" t WHERE t."id" = "listed"."value" AND t."org" = ${"orgId"}`;
    expect(render(s, "postgres").text).toBe(
      `SELECT t."id" FROM unnest($1::text[]) AS "listed"("value") CROSS JOIN "T" t WHERE t."id" = "listed"."value" AND t."org" = $2`,
    );
    expect(render(s, "sqlite")).toEqual({
      text: `SELECT t."id" FROM json_each(?) AS "listed" CROSS JOIN "T" t WHERE t."id" = "listed"."value" AND t."org" = ?`,
      order: [
        { name: "ids", list: true },
        { name: "orgId", list: false },
      ],
    });
  });

  it("locks rows on PostgreSQL only, under its own statement name", () => {
    const locking = forUpdate(byId);
    expect(locking.name).toBe("t_by_id_for_update");
    expect(render(locking, "postgres").text).toMatch(/ FOR UPDATE$/);
    expect(render(locking, "sqlite").text).toBe(render(byId, "sqlite").text);
  });
});
