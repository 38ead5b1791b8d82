CREATE TABLE "scan_conflict" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"match_id" uuid NOT NULL,
	"ticket_id" uuid,
	"reason" text NOT NULL,
	"admitted_by_device" uuid,
	"admitted_at" timestamp with time zone,
	"also_by_device" uuid NOT NULL,
	"also_at" timestamp with time zone NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "ticket_match_idx";--> statement-breakpoint
ALTER TABLE "device" ADD COLUMN "match_ids" uuid[];--> statement-breakpoint
ALTER TABLE "device" ADD COLUMN "stand_ids" uuid[];--> statement-breakpoint
ALTER TABLE "device" ADD COLUMN "user_id" text;--> statement-breakpoint
ALTER TABLE "scan" ADD COLUMN "offline" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "scan" ADD COLUMN "device_result" text;--> statement-breakpoint
ALTER TABLE "ticket" ADD COLUMN "changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "scan_conflict" ADD CONSTRAINT "scan_conflict_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_conflict" ADD CONSTRAINT "scan_conflict_match_id_match_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."match"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scan_conflict_match_idx" ON "scan_conflict" USING btree ("match_id","detected_at");--> statement-breakpoint
ALTER TABLE "device" ADD CONSTRAINT "device_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_match_idx" ON "ticket" USING btree ("match_id","changed_at");--> statement-breakpoint
-- Devices sync the tickets revoked or admitted since their cursor: such a change moves changed_at,
-- whatever code makes it.
CREATE FUNCTION "ticket_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status OR NEW.used_at IS DISTINCT FROM OLD.used_at THEN
    NEW.changed_at := clock_timestamp();
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "ticket_touch" BEFORE UPDATE ON "ticket" FOR EACH ROW EXECUTE FUNCTION "ticket_touch"();
