CREATE TABLE "match_stand_price" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"match_stand_id" uuid NOT NULL,
	"category" text NOT NULL,
	"price_cents" integer NOT NULL,
	CONSTRAINT "match_stand_price_ck" CHECK ("match_stand_price"."price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stand_price" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"stand_id" uuid NOT NULL,
	"category" text NOT NULL,
	"price_cents" integer NOT NULL,
	CONSTRAINT "stand_price_ck" CHECK ("stand_price"."price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "club_follower" (
	"club_id" text NOT NULL,
	"user_id" text NOT NULL,
	"unsubscribe_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "club_follower_club_id_user_id_pk" PRIMARY KEY("club_id","user_id"),
	CONSTRAINT "club_follower_unsubscribe_token_unique" UNIQUE("unsubscribe_token")
);
--> statement-breakpoint
ALTER TABLE "stand" DROP CONSTRAINT "stand_price_ck";--> statement-breakpoint
ALTER TABLE "match" ALTER COLUMN "venue_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "match" ADD COLUMN "is_home" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "match" ADD COLUMN "sale_opens_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "match" ADD COLUMN "sale_closes_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "match_stand_price" ADD CONSTRAINT "match_stand_price_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_stand_price" ADD CONSTRAINT "match_stand_price_match_stand_id_match_stand_id_fk" FOREIGN KEY ("match_stand_id") REFERENCES "public"."match_stand"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_price" ADD CONSTRAINT "stand_price_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_price" ADD CONSTRAINT "stand_price_stand_id_stand_id_fk" FOREIGN KEY ("stand_id") REFERENCES "public"."stand"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_follower" ADD CONSTRAINT "club_follower_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_follower" ADD CONSTRAINT "club_follower_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "match_stand_price_uq" ON "match_stand_price" USING btree ("match_stand_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "stand_price_uq" ON "stand_price" USING btree ("stand_id","category");--> statement-breakpoint
CREATE INDEX "club_follower_user_idx" ON "club_follower" USING btree ("user_id");--> statement-breakpoint
-- Keep the prices set before categories existed: they become the adult price.
INSERT INTO "stand_price" ("club_id", "stand_id", "category", "price_cents") SELECT "club_id", "id", 'adult', "price_cents" FROM "stand";--> statement-breakpoint
INSERT INTO "match_stand_price" ("club_id", "match_stand_id", "category", "price_cents") SELECT "club_id", "id", 'adult', "price_cents" FROM "match_stand";--> statement-breakpoint
ALTER TABLE "match_stand" DROP COLUMN "price_cents";--> statement-breakpoint
ALTER TABLE "stand" DROP COLUMN "price_cents";