-- Questionnaires: templates in immutable versions, exercises with their questions (and the
-- consolidated answer), the organisations named as contributors, and contributions reviewed per question.
CREATE TABLE "questionnaire_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'pending' NOT NULL,
	"answer" jsonb NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_comment" text,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exercise_contributors" (
	"exercise_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"name_as_written" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exercise_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"text" text NOT NULL,
	"section" text,
	"definition" jsonb NOT NULL,
	"plan_node_id" uuid,
	"answer" jsonb NOT NULL,
	"carried_answer" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaire_exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_version_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"recipient" text,
	"reference" text,
	"received_on" date,
	"internal_due_on" date,
	"external_due_on" date,
	"period_from" date,
	"period_to" date,
	"reply_date" date,
	"place" text,
	"cover_note" jsonb,
	"status" text DEFAULT 'draft' NOT NULL,
	"plan_id" uuid,
	"previous_exercise_id" uuid,
	"published_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('telar_es', title || ' ' || coalesce(reference, '') || ' ' || coalesce(recipient, ''))) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "questionnaire_template_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaire_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"body_id" uuid NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('telar_es', name || ' ' || coalesce(description, ''))) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "questionnaire_contributions" ADD CONSTRAINT "questionnaire_contributions_exercise_id_questionnaire_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."questionnaire_exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_contributions" ADD CONSTRAINT "questionnaire_contributions_question_id_exercise_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."exercise_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_contributions" ADD CONSTRAINT "questionnaire_contributions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_contributors" ADD CONSTRAINT "exercise_contributors_exercise_id_questionnaire_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."questionnaire_exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_contributors" ADD CONSTRAINT "exercise_contributors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_questions" ADD CONSTRAINT "exercise_questions_exercise_id_questionnaire_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."questionnaire_exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_questions" ADD CONSTRAINT "exercise_questions_plan_node_id_plan_nodes_id_fk" FOREIGN KEY ("plan_node_id") REFERENCES "public"."plan_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_exercises" ADD CONSTRAINT "questionnaire_exercises_template_version_id_questionnaire_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."questionnaire_template_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_exercises" ADD CONSTRAINT "questionnaire_exercises_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_exercises" ADD CONSTRAINT "questionnaire_exercises_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_template_versions" ADD CONSTRAINT "questionnaire_template_versions_template_id_questionnaire_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."questionnaire_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_templates" ADD CONSTRAINT "questionnaire_templates_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_contributions_question_org_idx" ON "questionnaire_contributions" USING btree ("question_id","organization_id");--> statement-breakpoint
CREATE INDEX "questionnaire_contributions_exercise_idx" ON "questionnaire_contributions" USING btree ("exercise_id","status");--> statement-breakpoint
CREATE INDEX "questionnaire_contributions_organization_idx" ON "questionnaire_contributions" USING btree ("organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "exercise_contributors_pk" ON "exercise_contributors" USING btree ("exercise_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exercise_questions_position_idx" ON "exercise_questions" USING btree ("exercise_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_exercises_reference_idx" ON "questionnaire_exercises" USING btree ("body_id","reference") WHERE reference is not null and archived_at is null;--> statement-breakpoint
CREATE INDEX "questionnaire_exercises_body_idx" ON "questionnaire_exercises" USING btree ("body_id");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_template_versions_number_idx" ON "questionnaire_template_versions" USING btree ("template_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_templates_name_idx" ON "questionnaire_templates" USING btree ("body_id","name");--> statement-breakpoint
CREATE INDEX "questionnaire_templates_search_idx" ON "questionnaire_templates" USING gin ("search");--> statement-breakpoint
CREATE INDEX "questionnaire_exercises_search_idx" ON "questionnaire_exercises" USING gin ("search");
