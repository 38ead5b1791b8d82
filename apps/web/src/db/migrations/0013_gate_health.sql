CREATE TABLE "gate_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"club_id" text NOT NULL,
	"match_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ticket_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "device" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "device" ADD COLUMN "health" jsonb;--> statement-breakpoint
ALTER TABLE "gate_event" ADD CONSTRAINT "gate_event_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_event" ADD CONSTRAINT "gate_event_match_id_match_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."match"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_event" ADD CONSTRAINT "gate_event_device_id_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."device"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gate_event_match_idx" ON "gate_event" USING btree ("match_id","at");