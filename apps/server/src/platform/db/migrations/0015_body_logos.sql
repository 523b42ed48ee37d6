-- A body's logo, printed in the header of the Word documents written for it. Kept apart from
-- "bodies" so that listing bodies never reads images.
CREATE TABLE "body_logos" (
	"body_id" uuid PRIMARY KEY NOT NULL REFERENCES "bodies"("id") ON DELETE CASCADE,
	"content_type" text NOT NULL CHECK ("content_type" IN ('image/png', 'image/jpeg')),
	"width" integer NOT NULL CHECK ("width" > 0),
	"height" integer NOT NULL CHECK ("height" > 0),
	"content" bytea NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
