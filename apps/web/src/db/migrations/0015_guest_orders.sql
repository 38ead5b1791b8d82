ALTER TABLE "order" ADD COLUMN "buyer_name" text;--> statement-breakpoint
ALTER TABLE "order" ADD COLUMN "buyer_locale" text;--> statement-breakpoint
ALTER TABLE "order" ADD COLUMN "access_token_hash" text;--> statement-breakpoint
CREATE INDEX "order_guest_email_idx" ON "order" USING btree ("email") WHERE "order"."user_id" IS NULL;--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_access_token_hash_unique" UNIQUE("access_token_hash");