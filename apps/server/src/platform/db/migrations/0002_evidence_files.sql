ALTER TABLE "evidence" ADD COLUMN "content" "bytea";--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "byte_size" integer;