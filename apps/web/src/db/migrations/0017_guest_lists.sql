CREATE TABLE "guest" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"match_id" uuid NOT NULL,
	"guest_list_id" uuid NOT NULL,
	"guest_list_stand_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"places" integer NOT NULL,
	"order_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guest_places_ck" CHECK ("guest"."places" > 0)
);
--> statement-breakpoint
CREATE TABLE "guest_list" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"match_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guest_list_stand" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"guest_list_id" uuid NOT NULL,
	"match_stand_id" uuid NOT NULL,
	"allowance" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "guest_list_stand_ck" CHECK ("guest_list_stand"."used" >= 0 AND "guest_list_stand"."used" <= "guest_list_stand"."allowance")
);
--> statement-breakpoint
ALTER TABLE "match" ADD COLUMN "free_entry_under" integer;--> statement-breakpoint
ALTER TABLE "guest" ADD CONSTRAINT "guest_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guest" ADD CONSTRAINT "guest_match_id_match_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."match"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guest" ADD CONSTRAINT "guest_guest_list_id_guest_list_id_fk" FOREIGN KEY ("guest_list_id") REFERENCES "public"."guest_list"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guest" ADD CONSTRAINT "guest_guest_list_stand_id_guest_list_stand_id_fk" FOREIGN KEY ("guest_list_stand_id") REFERENCES "public"."guest_list_stand"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guest" ADD CONSTRAINT "guest_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guest_list" ADD CONSTRAINT "guest_list_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guest_list" ADD CONSTRAINT "guest_list_match_id_match_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."match"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guest_list_stand" ADD CONSTRAINT "guest_list_stand_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guest_list_stand" ADD CONSTRAINT "guest_list_stand_guest_list_id_guest_list_id_fk" FOREIGN KEY ("guest_list_id") REFERENCES "public"."guest_list"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guest_list_stand" ADD CONSTRAINT "guest_list_stand_match_stand_id_match_stand_id_fk" FOREIGN KEY ("match_stand_id") REFERENCES "public"."match_stand"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guest_match_idx" ON "guest" USING btree ("club_id","match_id");--> statement-breakpoint
CREATE INDEX "guest_list_idx" ON "guest" USING btree ("guest_list_id");--> statement-breakpoint
CREATE INDEX "guest_list_match_idx" ON "guest_list" USING btree ("club_id","match_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guest_list_stand_uq" ON "guest_list_stand" USING btree ("guest_list_id","match_stand_id");