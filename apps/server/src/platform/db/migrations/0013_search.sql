-- Search across everything: plans, plan nodes and reporting periods get the Spanish search vector the other
-- searchable tables already have, and sessions are found by their ordinal number.
ALTER TABLE "plans" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('telar_es', name || ' ' || coalesce(short_name, '') || ' ' || coalesce(description, ''))) STORED;--> statement-breakpoint
CREATE INDEX "plans_search_idx" ON "plans" USING gin ("search");--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('telar_es', code || ' ' || title)) STORED;--> statement-breakpoint
CREATE INDEX "plan_nodes_search_idx" ON "plan_nodes" USING gin ("search");--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('telar_es', title)) STORED;--> statement-breakpoint
CREATE INDEX "sessions_number_idx" ON "sessions" USING btree ("number", "date");
