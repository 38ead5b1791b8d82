-- Scans logged before this migration have no code hash: their nonces never replay (409 instead).
ALTER TABLE "scan" ADD COLUMN "code_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "scan" ALTER COLUMN "code_hash" DROP DEFAULT;--> statement-breakpoint
-- Every ticket so far is its own seat.
ALTER TABLE "ticket" ADD COLUMN "seat_id" uuid;--> statement-breakpoint
UPDATE "ticket" SET "seat_id" = "id";--> statement-breakpoint
ALTER TABLE "ticket" ALTER COLUMN "seat_id" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "ticket_seat_idx" ON "ticket" USING btree ("seat_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_seat_valid_uq" ON "ticket" USING btree ("seat_id") WHERE "ticket"."status" = 'valid';--> statement-breakpoint
-- A new code for a seat that has entered has entered too (invariant 3), whatever code path makes it:
-- re-issue today, transfer or lending tomorrow.
CREATE FUNCTION "ticket_inherit_entry"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entered record;
BEGIN
  IF NEW.used_at IS NULL THEN
    SELECT "used_at", "used_by_device" INTO entered FROM "ticket"
      WHERE "seat_id" = NEW.seat_id AND "used_at" IS NOT NULL ORDER BY "used_at" LIMIT 1;
    IF FOUND THEN
      NEW.used_at := entered.used_at;
      NEW.used_by_device := entered.used_by_device;
    END IF;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "ticket_inherit_entry" BEFORE INSERT ON "ticket" FOR EACH ROW EXECUTE FUNCTION "ticket_inherit_entry"();
