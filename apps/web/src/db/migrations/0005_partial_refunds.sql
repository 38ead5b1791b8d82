ALTER TABLE "order" ADD COLUMN "refunded_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_item" ADD COLUMN "refunded_quantity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_refund_ck" CHECK ("order"."refunded_cents" >= 0 AND "order"."refunded_cents" <= "order"."total_cents");--> statement-breakpoint
ALTER TABLE "order_item" ADD CONSTRAINT "order_item_refund_ck" CHECK ("order_item"."refunded_quantity" >= 0 AND "order_item"."refunded_quantity" <= "order_item"."quantity");