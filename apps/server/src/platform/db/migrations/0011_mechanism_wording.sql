ALTER TABLE "participation_organizations" ADD COLUMN "name_as_written" text;--> statement-breakpoint
CREATE TABLE "mechanism_report_wordings" (
	"body_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"preamble" jsonb NOT NULL,
	"minutes_note" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mechanism_report_wordings_body_id_period_from_period_to_pk" PRIMARY KEY("body_id","period_from","period_to")
);--> statement-breakpoint
ALTER TABLE "mechanism_report_wordings" ADD CONSTRAINT "mechanism_report_wordings_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;
