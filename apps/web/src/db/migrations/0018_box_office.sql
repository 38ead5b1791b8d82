CREATE TABLE "box_office_quota" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"match_id" uuid NOT NULL,
	"match_stand_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	CONSTRAINT "box_office_quota_ck" CHECK ("box_office_quota"."used" >= 0 AND "box_office_quota"."used" <= "box_office_quota"."reserved")
);
--> statement-breakpoint
CREATE TABLE "box_office_sale" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"club_id" text NOT NULL,
	"match_id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"method" text NOT NULL,
	"client_sale_id" text NOT NULL,
	"offline" boolean DEFAULT false NOT NULL,
	"sold_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "box_office_seller" (
	"club_id" text NOT NULL,
	"user_id" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "box_office_seller_club_id_user_id_pk" PRIMARY KEY("club_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "box_office_setting" (
	"club_id" text PRIMARY KEY NOT NULL,
	"quota_seats" integer DEFAULT 20 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "box_office_setting_quota_ck" CHECK ("box_office_setting"."quota_seats" >= 0 AND "box_office_setting"."quota_seats" <= 500)
);
--> statement-breakpoint
CREATE TABLE "box_office_shift" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"match_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"device_name" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_name" text,
	"expected_cents" integer,
	"counted_cents" integer,
	CONSTRAINT "box_office_shift_money_ck" CHECK ("box_office_shift"."counted_cents" IS NULL OR "box_office_shift"."counted_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "device" ADD COLUMN "can_sell" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "box_office_quota" ADD CONSTRAINT "box_office_quota_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_office_quota" ADD CONSTRAINT "box_office_quota_match_id_match_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."match"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_office_quota" ADD CONSTRAINT "box_office_quota_match_stand_id_match_stand_id_fk" FOREIGN KEY ("match_stand_id") REFERENCES "public"."match_stand"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_office_quota" ADD CONSTRAINT "box_office_quota_device_id_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."device"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_office_sale" ADD CONSTRAINT "box_office_sale_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_office_sale" ADD CONSTRAINT "box_office_sale_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_office_sale" ADD CONSTRAINT "box_office_sale_match_id_match_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."match"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_office_sale" ADD CONSTRAINT "box_office_sale_shift_id_box_office_shift_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."box_office_shift"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_office_sale" ADD CONSTRAINT "box_office_sale_device_id_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."device"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_office_seller" ADD CONSTRAINT "box_office_seller_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_office_seller" ADD CONSTRAINT "box_office_seller_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_office_setting" ADD CONSTRAINT "box_office_setting_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_office_shift" ADD CONSTRAINT "box_office_shift_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_office_shift" ADD CONSTRAINT "box_office_shift_match_id_match_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."match"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_office_shift" ADD CONSTRAINT "box_office_shift_device_id_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."device"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "box_office_quota_open_uq" ON "box_office_quota" USING btree ("device_id","match_stand_id") WHERE "box_office_quota"."released_at" IS NULL;--> statement-breakpoint
CREATE INDEX "box_office_quota_match_idx" ON "box_office_quota" USING btree ("match_id");--> statement-breakpoint
CREATE UNIQUE INDEX "box_office_sale_client_uq" ON "box_office_sale" USING btree ("device_id","client_sale_id");--> statement-breakpoint
CREATE INDEX "box_office_sale_shift_idx" ON "box_office_sale" USING btree ("shift_id");--> statement-breakpoint
CREATE UNIQUE INDEX "box_office_shift_open_uq" ON "box_office_shift" USING btree ("device_id","match_id") WHERE "box_office_shift"."closed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "box_office_shift_match_idx" ON "box_office_shift" USING btree ("match_id");