CREATE TABLE "club_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"member_number" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "season_give_back" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"pass_id" uuid NOT NULL,
	"match_stand_id" uuid NOT NULL,
	"credit_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"credited_at" timestamp with time zone,
	CONSTRAINT "season_give_back_ck" CHECK ("season_give_back"."credit_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "season_loan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"pass_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"ticket_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "season_order_seat" (
	"order_id" uuid NOT NULL,
	"match_stand_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "season_order_seat_order_id_match_stand_id_pk" PRIMARY KEY("order_id","match_stand_id"),
	CONSTRAINT "season_order_seat_ck" CHECK ("season_order_seat"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "season_pass" (
	"id" uuid PRIMARY KEY NOT NULL,
	"club_id" text NOT NULL,
	"product_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"order_item_id" uuid NOT NULL,
	"key_id" text NOT NULL,
	"code" text NOT NULL,
	"short_code" text NOT NULL,
	"status" text DEFAULT 'valid' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "season_pass_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "season_product" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"season" text NOT NULL,
	"name" text NOT NULL,
	"stand_id" uuid NOT NULL,
	"sale_opens_at" timestamp with time zone,
	"sale_closes_at" timestamp with time zone,
	"cap" integer,
	"sold" integer DEFAULT 0 NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"give_back_share_percent" integer DEFAULT 50 NOT NULL,
	"renewal_of_id" uuid,
	"priority_until" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "season_product_ck" CHECK ("season_product"."sold" >= 0 AND "season_product"."held" >= 0 AND ("season_product"."cap" IS NULL OR "season_product"."sold" + "season_product"."held" <= "season_product"."cap")
        AND "season_product"."give_back_share_percent" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "season_product_match" (
	"product_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"club_id" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "season_product_match_product_id_match_id_pk" PRIMARY KEY("product_id","match_id")
);
--> statement-breakpoint
CREATE TABLE "season_product_price" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"product_id" uuid NOT NULL,
	"category" text NOT NULL,
	"price_cents" integer NOT NULL,
	CONSTRAINT "season_product_price_ck" CHECK ("season_product_price"."price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "supporter_credit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"user_id" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"reason" text NOT NULL,
	"give_back_id" uuid,
	"order_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order" ALTER COLUMN "match_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "order_item" ALTER COLUMN "match_stand_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "match" ADD COLUMN "allow_transfers" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "order" ADD COLUMN "season_product_id" uuid;--> statement-breakpoint
ALTER TABLE "order" ADD COLUMN "credit_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket" ADD COLUMN "season_pass_id" uuid;--> statement-breakpoint
ALTER TABLE "ticket" ADD COLUMN "holder_name" text;--> statement-breakpoint
ALTER TABLE "ticket" ADD COLUMN "holder_email" text;--> statement-breakpoint
ALTER TABLE "ticket" ADD COLUMN "holder_user_id" text;--> statement-breakpoint
ALTER TABLE "club_member" ADD CONSTRAINT "club_member_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_give_back" ADD CONSTRAINT "season_give_back_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_give_back" ADD CONSTRAINT "season_give_back_pass_id_season_pass_id_fk" FOREIGN KEY ("pass_id") REFERENCES "public"."season_pass"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_give_back" ADD CONSTRAINT "season_give_back_match_stand_id_match_stand_id_fk" FOREIGN KEY ("match_stand_id") REFERENCES "public"."match_stand"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_loan" ADD CONSTRAINT "season_loan_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_loan" ADD CONSTRAINT "season_loan_pass_id_season_pass_id_fk" FOREIGN KEY ("pass_id") REFERENCES "public"."season_pass"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_loan" ADD CONSTRAINT "season_loan_match_id_match_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."match"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_order_seat" ADD CONSTRAINT "season_order_seat_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_order_seat" ADD CONSTRAINT "season_order_seat_match_stand_id_match_stand_id_fk" FOREIGN KEY ("match_stand_id") REFERENCES "public"."match_stand"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_pass" ADD CONSTRAINT "season_pass_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_pass" ADD CONSTRAINT "season_pass_product_id_season_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."season_product"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_pass" ADD CONSTRAINT "season_pass_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_pass" ADD CONSTRAINT "season_pass_order_item_id_order_item_id_fk" FOREIGN KEY ("order_item_id") REFERENCES "public"."order_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_product" ADD CONSTRAINT "season_product_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_product" ADD CONSTRAINT "season_product_stand_id_stand_id_fk" FOREIGN KEY ("stand_id") REFERENCES "public"."stand"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_product_match" ADD CONSTRAINT "season_product_match_product_id_season_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."season_product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_product_match" ADD CONSTRAINT "season_product_match_match_id_match_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."match"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_product_match" ADD CONSTRAINT "season_product_match_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_product_price" ADD CONSTRAINT "season_product_price_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_product_price" ADD CONSTRAINT "season_product_price_product_id_season_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."season_product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supporter_credit" ADD CONSTRAINT "supporter_credit_club_id_organization_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supporter_credit" ADD CONSTRAINT "supporter_credit_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supporter_credit" ADD CONSTRAINT "supporter_credit_give_back_id_season_give_back_id_fk" FOREIGN KEY ("give_back_id") REFERENCES "public"."season_give_back"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supporter_credit" ADD CONSTRAINT "supporter_credit_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "club_member_email_uq" ON "club_member" USING btree ("club_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "club_member_number_uq" ON "club_member" USING btree ("club_id","member_number");--> statement-breakpoint
CREATE UNIQUE INDEX "season_give_back_uq" ON "season_give_back" USING btree ("pass_id","match_stand_id");--> statement-breakpoint
CREATE INDEX "season_give_back_open_idx" ON "season_give_back" USING btree ("match_stand_id","created_at") WHERE "season_give_back"."credited_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "season_loan_open_uq" ON "season_loan" USING btree ("pass_id","match_id") WHERE "season_loan"."undone_at" IS NULL;--> statement-breakpoint
CREATE INDEX "season_pass_order_idx" ON "season_pass" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "season_pass_short_code_uq" ON "season_pass" USING btree ("product_id","short_code");--> statement-breakpoint
CREATE INDEX "season_product_club_idx" ON "season_product" USING btree ("club_id");--> statement-breakpoint
CREATE INDEX "season_product_match_match_idx" ON "season_product_match" USING btree ("match_id");--> statement-breakpoint
CREATE UNIQUE INDEX "season_product_price_uq" ON "season_product_price" USING btree ("product_id","category");--> statement-breakpoint
CREATE INDEX "supporter_credit_user_idx" ON "supporter_credit" USING btree ("user_id","club_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supporter_credit_give_back_uq" ON "supporter_credit" USING btree ("give_back_id") WHERE "supporter_credit"."reason" = 'give_back';--> statement-breakpoint
CREATE UNIQUE INDEX "supporter_credit_order_uq" ON "supporter_credit" USING btree ("order_id","reason") WHERE "supporter_credit"."order_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_season_pass_id_season_pass_id_fk" FOREIGN KEY ("season_pass_id") REFERENCES "public"."season_pass"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_holder_user_id_user_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_season_pass_idx" ON "ticket" USING btree ("season_pass_id","match_id");--> statement-breakpoint
CREATE INDEX "ticket_holder_user_idx" ON "ticket" USING btree ("holder_user_id");--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_kind_ck" CHECK (("order"."match_id" IS NULL) <> ("order"."season_product_id" IS NULL));--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_credit_ck" CHECK ("order"."credit_cents" >= 0 AND "order"."credit_cents" <= "order"."subtotal_cents");--> statement-breakpoint
-- Declared here rather than in the schema files, whose modules would import each other.
ALTER TABLE "order" ADD CONSTRAINT "order_season_product_id_fk" FOREIGN KEY ("season_product_id") REFERENCES "public"."season_product"("id") ON DELETE restrict;--> statement-breakpoint
ALTER TABLE "season_loan" ADD CONSTRAINT "season_loan_ticket_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."ticket"("id") ON DELETE cascade;
