CREATE TABLE "stat_codes" (
	"dataset_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"ordinal" integer NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"is_total" boolean DEFAULT false NOT NULL,
	CONSTRAINT "stat_codes_dataset_id_position_ordinal_pk" PRIMARY KEY("dataset_id","position","ordinal")
);
--> statement-breakpoint
CREATE TABLE "stat_dimensions" (
	"dataset_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "stat_dimensions_dataset_id_position_pk" PRIMARY KEY("dataset_id","position")
);
--> statement-breakpoint
CREATE TABLE "stat_measures" (
	"dataset_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"unit" text NOT NULL,
	"scale" double precision DEFAULT 1 NOT NULL,
	"is_person_count" boolean NOT NULL,
	CONSTRAINT "stat_measures_dataset_id_position_pk" PRIMARY KEY("dataset_id","position")
);
--> statement-breakpoint
CREATE TABLE "stat_revisions" (
	"dataset_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"file_name" text,
	"observations" integer NOT NULL,
	"added" integer NOT NULL,
	"removed" integer NOT NULL,
	"changed" integer NOT NULL,
	"samples" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "stat_revisions_dataset_id_number_pk" PRIMARY KEY("dataset_id","number")
);
--> statement-breakpoint
CREATE TABLE "stat_datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"publisher" text,
	"source_url" text,
	"licence" text,
	"cutoff_date" date,
	"retrieved_date" date,
	"provenance" text,
	"disclosure_threshold" integer DEFAULT 5 NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"population_dataset_id" uuid,
	"coverage_dataset_id" uuid,
	"coverage_threshold" numeric,
	"current_revision" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "stat_datasets_threshold_min" CHECK ("stat_datasets"."disclosure_threshold" >= 3)
);
--> statement-breakpoint
CREATE TABLE "stat_observations" (
	"dataset_id" uuid NOT NULL,
	"measure" smallint NOT NULL,
	"k1" integer DEFAULT 0 NOT NULL,
	"k2" integer DEFAULT 0 NOT NULL,
	"k3" integer DEFAULT 0 NOT NULL,
	"k4" integer DEFAULT 0 NOT NULL,
	"k5" integer DEFAULT 0 NOT NULL,
	"k6" integer DEFAULT 0 NOT NULL,
	"value" double precision,
	"flags" smallint DEFAULT 0 NOT NULL,
	"comment" text,
	"rev_from" integer NOT NULL,
	"rev_to" integer
);
--> statement-breakpoint
ALTER TABLE "stat_codes" ADD CONSTRAINT "stat_codes_dataset_id_stat_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."stat_datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_dimensions" ADD CONSTRAINT "stat_dimensions_dataset_id_stat_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."stat_datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_measures" ADD CONSTRAINT "stat_measures_dataset_id_stat_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."stat_datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_revisions" ADD CONSTRAINT "stat_revisions_dataset_id_stat_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."stat_datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_observations" ADD CONSTRAINT "stat_observations_dataset_id_stat_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."stat_datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stat_codes_code_idx" ON "stat_codes" USING btree ("dataset_id","position","code");--> statement-breakpoint
CREATE UNIQUE INDEX "stat_dimensions_code_idx" ON "stat_dimensions" USING btree ("dataset_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "stat_measures_code_idx" ON "stat_measures" USING btree ("dataset_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "stat_datasets_name_idx" ON "stat_datasets" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "stat_observations_current_idx" ON "stat_observations" USING btree ("dataset_id","measure","k1","k2","k3","k4","k5","k6") WHERE "stat_observations"."rev_to" is null;--> statement-breakpoint
CREATE INDEX "stat_observations_history_idx" ON "stat_observations" USING btree ("dataset_id","rev_from");