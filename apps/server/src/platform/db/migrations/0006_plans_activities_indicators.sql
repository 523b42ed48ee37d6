CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"date_precision" text DEFAULT 'day' NOT NULL,
	"audience" text,
	"events" integer,
	"participants" integer,
	"people_reached" integer,
	"reach_breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"report_id" uuid,
	"source" text,
	"flags" text[] DEFAULT '{}' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('telar_es', title || ' ' || coalesce(description, '') || ' ' || coalesce(audience, ''))) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "activity_agreements" (
	"activity_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	CONSTRAINT "activity_agreements_activity_id_agreement_id_pk" PRIMARY KEY("activity_id","agreement_id")
);
--> statement-breakpoint
CREATE TABLE "activity_evidence" (
	"activity_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	CONSTRAINT "activity_evidence_activity_id_evidence_id_pk" PRIMARY KEY("activity_id","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "activity_municipalities" (
	"activity_id" uuid NOT NULL,
	"cvegeo" text NOT NULL,
	CONSTRAINT "activity_municipalities_activity_id_cvegeo_pk" PRIMARY KEY("activity_id","cvegeo")
);
--> statement-breakpoint
CREATE TABLE "activity_node_totals" (
	"plan_node_id" uuid NOT NULL,
	"is_validated" boolean NOT NULL,
	"activities" integer NOT NULL,
	"participants" bigint NOT NULL,
	CONSTRAINT "activity_node_totals_plan_node_id_is_validated_pk" PRIMARY KEY("plan_node_id","is_validated")
);
--> statement-breakpoint
CREATE TABLE "activity_organizations" (
	"activity_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "activity_organizations_activity_id_organization_id_pk" PRIMARY KEY("activity_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "activity_plan_nodes" (
	"activity_id" uuid NOT NULL,
	"plan_node_id" uuid NOT NULL,
	CONSTRAINT "activity_plan_nodes_activity_id_plan_node_id_pk" PRIMARY KEY("activity_id","plan_node_id")
);
--> statement-breakpoint
CREATE TABLE "activity_states" (
	"activity_id" uuid NOT NULL,
	"state_code" text NOT NULL,
	CONSTRAINT "activity_states_activity_id_state_code_pk" PRIMARY KEY("activity_id","state_code")
);
--> statement-breakpoint
CREATE TABLE "activity_totals" (
	"month" date NOT NULL,
	"state_code" text NOT NULL,
	"kind" text NOT NULL,
	"is_validated" boolean NOT NULL,
	"activities" integer NOT NULL,
	"events" bigint NOT NULL,
	"participants" bigint NOT NULL,
	"people_reached" bigint NOT NULL,
	CONSTRAINT "activity_totals_month_state_code_kind_is_validated_pk" PRIMARY KEY("month","state_code","kind","is_validated")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"state_code" text,
	"disaggregation" text DEFAULT '' NOT NULL,
	"value" numeric NOT NULL,
	"source" text,
	"notes" text,
	"report_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_node_id" uuid NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"baseline" numeric,
	"baseline_year" integer,
	"target" numeric,
	"target_year" integer,
	"periodicity" text NOT NULL,
	"source" text,
	"disaggregations" text[] DEFAULT '{}' NOT NULL,
	"formula" text,
	"base_indicator_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_node_agreements" (
	"plan_node_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	CONSTRAINT "plan_node_agreements_plan_node_id_agreement_id_pk" PRIMARY KEY("plan_node_id","agreement_id")
);
--> statement-breakpoint
CREATE TABLE "plan_node_organizations" (
	"plan_node_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "plan_node_organizations_plan_node_id_organization_id_pk" PRIMARY KEY("plan_node_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "plan_node_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_node_id" uuid NOT NULL,
	"status" text,
	"progress" numeric,
	"comment" text,
	"report_id" uuid,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"status" text,
	"progress" numeric,
	"weight" numeric DEFAULT 1 NOT NULL,
	"start_date" date,
	"due_date" date,
	"flags" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"description" text,
	"body_id" uuid NOT NULL,
	"period_from" date,
	"period_to" date,
	"statuses" jsonb NOT NULL,
	"flags" text[] DEFAULT '{}' NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "plans_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "reporting_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"due_date" date NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reporting_period_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_agreements" ADD CONSTRAINT "activity_agreements_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_agreements" ADD CONSTRAINT "activity_agreements_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_evidence" ADD CONSTRAINT "activity_evidence_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_evidence" ADD CONSTRAINT "activity_evidence_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_municipalities" ADD CONSTRAINT "activity_municipalities_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_municipalities" ADD CONSTRAINT "activity_municipalities_cvegeo_municipalities_cvegeo_fk" FOREIGN KEY ("cvegeo") REFERENCES "public"."municipalities"("cvegeo") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_node_totals" ADD CONSTRAINT "activity_node_totals_plan_node_id_plan_nodes_id_fk" FOREIGN KEY ("plan_node_id") REFERENCES "public"."plan_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_organizations" ADD CONSTRAINT "activity_organizations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_organizations" ADD CONSTRAINT "activity_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_plan_nodes" ADD CONSTRAINT "activity_plan_nodes_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_plan_nodes" ADD CONSTRAINT "activity_plan_nodes_plan_node_id_plan_nodes_id_fk" FOREIGN KEY ("plan_node_id") REFERENCES "public"."plan_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_states" ADD CONSTRAINT "activity_states_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_states" ADD CONSTRAINT "activity_states_state_code_states_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."states"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_state_code_states_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."states"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_plan_node_id_plan_nodes_id_fk" FOREIGN KEY ("plan_node_id") REFERENCES "public"."plan_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_node_agreements" ADD CONSTRAINT "plan_node_agreements_plan_node_id_plan_nodes_id_fk" FOREIGN KEY ("plan_node_id") REFERENCES "public"."plan_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_node_agreements" ADD CONSTRAINT "plan_node_agreements_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_node_organizations" ADD CONSTRAINT "plan_node_organizations_plan_node_id_plan_nodes_id_fk" FOREIGN KEY ("plan_node_id") REFERENCES "public"."plan_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_node_organizations" ADD CONSTRAINT "plan_node_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_node_status_changes" ADD CONSTRAINT "plan_node_status_changes_plan_node_id_plan_nodes_id_fk" FOREIGN KEY ("plan_node_id") REFERENCES "public"."plan_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD CONSTRAINT "reporting_periods_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporting_period_id_reporting_periods_id_fk" FOREIGN KEY ("reporting_period_id") REFERENCES "public"."reporting_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_start_idx" ON "activities" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "activities_report_idx" ON "activities" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "activities_search_idx" ON "activities" USING gin ("search");--> statement-breakpoint
CREATE INDEX "activity_municipalities_cvegeo_idx" ON "activity_municipalities" USING btree ("cvegeo");--> statement-breakpoint
CREATE INDEX "activity_organizations_org_idx" ON "activity_organizations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "activity_plan_nodes_node_idx" ON "activity_plan_nodes" USING btree ("plan_node_id","activity_id");--> statement-breakpoint
CREATE INDEX "activity_states_state_idx" ON "activity_states" USING btree ("state_code","activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_identity_idx" ON "indicator_values" USING btree ("indicator_id","period",coalesce("state_code", ''),"disaggregation");--> statement-breakpoint
CREATE INDEX "indicator_values_state_idx" ON "indicator_values" USING btree ("indicator_id","state_code","period_start");--> statement-breakpoint
CREATE INDEX "indicators_node_idx" ON "indicators" USING btree ("plan_node_id");--> statement-breakpoint
CREATE INDEX "plan_node_organizations_org_idx" ON "plan_node_organizations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "plan_node_status_changes_node_idx" ON "plan_node_status_changes" USING btree ("plan_node_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_nodes_code_idx" ON "plan_nodes" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "plan_nodes_parent_idx" ON "plan_nodes" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "reporting_periods_plan_idx" ON "reporting_periods" USING btree ("plan_id","period_to");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_period_organization_idx" ON "reports" USING btree ("reporting_period_id","organization_id");--> statement-breakpoint
CREATE INDEX "reports_organization_idx" ON "reports" USING btree ("organization_id","status");