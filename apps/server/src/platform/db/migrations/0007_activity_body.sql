ALTER TABLE "activities" ADD COLUMN "body_id" uuid;--> statement-breakpoint
-- Whose activity it is: the body of its report's plan, else of the plan of a linked node (the oldest plan
-- when several), else the oldest top-level body (the national system), where an administrator can move it.
UPDATE "activities" a SET "body_id" = coalesce(
  (select p.body_id from reports r join reporting_periods rp on rp.id = r.reporting_period_id join plans p on p.id = rp.plan_id where r.id = a.report_id),
  (select p.body_id from activity_plan_nodes an join plan_nodes n on n.id = an.plan_node_id join plans p on p.id = n.plan_id
    where an.activity_id = a.id order by p.created_at, p.id limit 1),
  (select b.id from bodies b where b.parent_id is null order by b.archived_at is not null, b.created_at, b.id limit 1));--> statement-breakpoint
ALTER TABLE "activities" ALTER COLUMN "body_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_body_idx" ON "activities" USING btree ("body_id");
