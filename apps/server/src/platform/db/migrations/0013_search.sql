-- Search across everything: plans, plan nodes and reporting periods get the Spanish search vector the other
-- searchable tables already have, and sessions are found by their ordinal number.
ALTER TABLE "plans" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('telar_es', name || ' ' || coalesce(short_name, '') || ' ' || coalesce(description, ''))) STORED;--> statement-breakpoint
CREATE INDEX "plans_search_idx" ON "plans" USING gin ("search");--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('telar_es', code || ' ' || title)) STORED;--> statement-breakpoint
CREATE INDEX "plan_nodes_search_idx" ON "plan_nodes" USING gin ("search");--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('telar_es', title)) STORED;--> statement-breakpoint
CREATE INDEX "sessions_number_idx" ON "sessions" USING btree ("number", "date");
--> statement-breakpoint
-- Lists filtered by state count live agreements of the state: two index-only scans merged by agreement id,
-- instead of reading every agreement (the old state index gave no agreement id without the table).
DROP INDEX "agreement_states_state_idx";--> statement-breakpoint
CREATE INDEX "agreement_states_state_agreement_idx" ON "agreement_states" USING btree ("state_code", "agreement_id");--> statement-breakpoint
CREATE INDEX "agreements_live_id_idx" ON "agreements" USING btree ("id") WHERE "agreements"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "sessions_live_id_idx" ON "sessions" USING btree ("id") WHERE "sessions"."archived_at" is null;
