ALTER TABLE "indicators" ADD COLUMN "dataset_id" uuid;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "dataset_query" jsonb;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_dataset_id_stat_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."stat_datasets"("id") ON DELETE no action ON UPDATE no action;