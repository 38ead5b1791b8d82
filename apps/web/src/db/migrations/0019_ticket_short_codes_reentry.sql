ALTER TABLE "match" ADD COLUMN "allow_reentry" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "scan" ADD COLUMN "method" text DEFAULT 'qr' NOT NULL;--> statement-breakpoint
ALTER TABLE "scan" ADD COLUMN "direction" text DEFAULT 'in' NOT NULL;--> statement-breakpoint
-- NOT NULL and the unique index come after the existing tickets got their codes (below).
ALTER TABLE "ticket" ADD COLUMN "short_code" text;--> statement-breakpoint
ALTER TABLE "ticket" ADD COLUMN "exited_at" timestamp with time zone;--> statement-breakpoint
-- Tickets issued before short codes existed get one now: 8 random characters of the alphabet of
-- @footarena/ticket-code's short-code.ts and its check character (Σ (i+1)·v_i ≡ 0 mod 29; 13 = 9⁻¹ mod 29).
-- New tickets get theirs from the app (domain/tickets/short-codes.ts), never from here.
CREATE FUNCTION "ticket_backfill_short_code"() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  alphabet constant text := '23456789ABCDEFGHJKMNPQRSTVWXY';
  body text := '';
  total int := 0;
  v int;
BEGIN
  FOR i IN 1..8 LOOP
    v := floor(random() * 29)::int;
    body := body || substr(alphabet, v + 1, 1);
    total := total + i * v;
  END LOOP;
  RETURN body || substr(alphabet, ((29 - total % 29) % 29) * 13 % 29 + 1, 1);
END $$;--> statement-breakpoint
UPDATE "ticket" SET "short_code" = "ticket_backfill_short_code"();--> statement-breakpoint
DO $$
BEGIN
  WHILE EXISTS (SELECT 1 FROM "ticket" GROUP BY "match_id", "short_code" HAVING count(*) > 1) LOOP
    UPDATE "ticket" SET "short_code" = "ticket_backfill_short_code"() WHERE "id" IN (
      SELECT "id" FROM (SELECT "id", row_number() OVER (PARTITION BY "match_id", "short_code" ORDER BY "id") AS n FROM "ticket") AS d WHERE n > 1);
  END LOOP;
END $$;--> statement-breakpoint
DROP FUNCTION "ticket_backfill_short_code"();--> statement-breakpoint
ALTER TABLE "ticket" ALTER COLUMN "short_code" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_match_short_code_uq" ON "ticket" USING btree ("match_id","short_code");--> statement-breakpoint
-- Re-entry: going out or back in moves changed_at too, so devices sync who is inside.
CREATE OR REPLACE FUNCTION "ticket_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status OR NEW.used_at IS DISTINCT FROM OLD.used_at
     OR NEW.exited_at IS DISTINCT FROM OLD.exited_at THEN
    NEW.changed_at := clock_timestamp();
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
-- A new code of a seat inherits its entry (decision 010) and, since re-entry, whether it is outside.
CREATE OR REPLACE FUNCTION "ticket_inherit_entry"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entered record;
BEGIN
  IF NEW.used_at IS NULL THEN
    SELECT "used_at", "used_by_device" INTO entered FROM "ticket"
      WHERE "seat_id" = NEW.seat_id AND "used_at" IS NOT NULL ORDER BY "used_at" LIMIT 1;
    IF FOUND THEN
      NEW.used_at := entered.used_at;
      NEW.used_by_device := entered.used_by_device;
      NEW.exited_at := (SELECT "exited_at" FROM "ticket" WHERE "seat_id" = NEW.seat_id AND "used_at" IS NOT NULL
        ORDER BY "changed_at" DESC LIMIT 1);
    END IF;
  END IF;
  RETURN NEW;
END $$;
