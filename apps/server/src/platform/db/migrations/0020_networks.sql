CREATE TABLE "commission_focal_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "network_bodies" (
	"body_id" uuid PRIMARY KEY NOT NULL,
	"network_id" uuid NOT NULL,
	"role" text NOT NULL,
	"plan_node_id" uuid,
	"communication" jsonb,
	"work" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "network_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount" numeric(14, 2),
	"status" text NOT NULL,
	"paid_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "network_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"state_code" text,
	"sector" text NOT NULL,
	"joined_on" date,
	"left_on" date,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"body_id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid,
	"declared_members" integer,
	"declared_states" integer,
	"declared_source" text,
	"declared_on" date,
	"new_days" integer DEFAULT 180 NOT NULL,
	"grace_days" integer DEFAULT 90 NOT NULL,
	"members_public" boolean DEFAULT false NOT NULL,
	"ranking_public" boolean DEFAULT false NOT NULL,
	"point_weights" jsonb NOT NULL,
	"flags" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "session_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"starts_at" text,
	"ends_at" text,
	"title" text NOT NULL,
	"presenter" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "session_attendance" (
	"session_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "session_attendance_session_id_organization_id_pk" PRIMARY KEY("session_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "survey_answer_themes" (
	"answer_id" bigint NOT NULL,
	"theme_id" uuid NOT NULL,
	"is_quote" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_answer_themes_answer_id_theme_id_pk" PRIMARY KEY("answer_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_answers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"survey_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"option_key" text,
	"number" numeric,
	"text" text
);
--> statement-breakpoint
CREATE TABLE "survey_counts" (
	"survey_id" uuid NOT NULL,
	"segment_kind" text NOT NULL,
	"segment" text NOT NULL,
	"question_key" text NOT NULL,
	"option_key" text NOT NULL,
	"respondents" integer NOT NULL,
	"total" numeric,
	CONSTRAINT "survey_counts_survey_id_segment_kind_segment_question_key_option_key_pk" PRIMARY KEY("survey_id","segment_kind","segment","question_key","option_key")
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_at" timestamp with time zone,
	"reminders" integer DEFAULT 0 NOT NULL,
	"responded" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"invitation_id" uuid,
	"is_anonymous" boolean NOT NULL,
	"state_code" text,
	"sector" text,
	"commission_ids" uuid[] DEFAULT '{}' NOT NULL,
	"submitted_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"label" text NOT NULL,
	"description" text,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"definition" jsonb NOT NULL,
	"anonymity" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"audience" jsonb NOT NULL,
	"opened_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"published_questions" text[] DEFAULT '{}' NOT NULL,
	"published_at" timestamp with time zone,
	"flags" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "commission_focal_points" ADD CONSTRAINT "commission_focal_points_body_id_network_bodies_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."network_bodies"("body_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_focal_points" ADD CONSTRAINT "commission_focal_points_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_bodies" ADD CONSTRAINT "network_bodies_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_bodies" ADD CONSTRAINT "network_bodies_network_id_networks_body_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("body_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_bodies" ADD CONSTRAINT "network_bodies_plan_node_id_plan_nodes_id_fk" FOREIGN KEY ("plan_node_id") REFERENCES "public"."plan_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_contributions" ADD CONSTRAINT "network_contributions_member_id_network_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."network_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_network_id_networks_body_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("body_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_state_code_states_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."states"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_agenda_items" ADD CONSTRAINT "session_agenda_items_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer_themes" ADD CONSTRAINT "survey_answer_themes_answer_id_survey_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."survey_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer_themes" ADD CONSTRAINT "survey_answer_themes_theme_id_survey_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."survey_themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_counts" ADD CONSTRAINT "survey_counts_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_member_id_network_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."network_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_invitation_id_survey_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."survey_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_themes" ADD CONSTRAINT "survey_themes_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_network_id_networks_body_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("body_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commission_focal_points_body_idx" ON "commission_focal_points" USING btree ("body_id","role");--> statement-breakpoint
CREATE INDEX "network_bodies_network_idx" ON "network_bodies" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_bodies_node_idx" ON "network_bodies" USING btree ("plan_node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_contributions_member_year_idx" ON "network_contributions" USING btree ("member_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "network_members_org_idx" ON "network_members" USING btree ("network_id","organization_id") WHERE "network_members"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "network_members_state_idx" ON "network_members" USING btree ("network_id","state_code");--> statement-breakpoint
CREATE INDEX "network_members_organization_idx" ON "network_members" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "session_agenda_items_session_idx" ON "session_agenda_items" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "session_attendance_org_idx" ON "session_attendance" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "survey_answer_themes_theme_idx" ON "survey_answer_themes" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "survey_answers_response_idx" ON "survey_answers" USING btree ("response_id");--> statement-breakpoint
CREATE INDEX "survey_answers_question_idx" ON "survey_answers" USING btree ("survey_id","question_key","option_key");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token_idx" ON "survey_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_member_idx" ON "survey_invitations" USING btree ("survey_id","member_id");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("survey_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_invitation_idx" ON "survey_responses" USING btree ("invitation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_themes_label_idx" ON "survey_themes" USING btree ("survey_id","question_key",lower("label")) WHERE "survey_themes"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "surveys_network_idx" ON "surveys" USING btree ("network_id");