-- A body holds each ordinal of a kind once ("Vigésima Cuarta Sesión Ordinaria"), whatever the date.
-- Sessions already recorded twice cannot be told apart by a machine: the migration stops and names them,
-- so a person archives (or renumbers) the wrong one first.
DO $$
DECLARE
  repeated text;
BEGIN
  SELECT string_agg(format('body %s, %s %s on %s', body_id, kind, number, dates), '; ') INTO repeated
  FROM (
    SELECT body_id, kind, number, string_agg(date::text, ', ' ORDER BY date) AS dates
    FROM sessions WHERE number IS NOT NULL AND archived_at IS NULL
    GROUP BY body_id, kind, number HAVING count(*) > 1
  ) d;
  IF repeated IS NOT NULL THEN
    RAISE EXCEPTION 'Sessions share an ordinal within their body and kind (archive or renumber one of each, then start again): %', repeated;
  END IF;
END $$;--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_ordinal_idx" ON "sessions" USING btree ("body_id","kind","number") WHERE "number" IS NOT NULL AND "archived_at" IS NULL;--> statement-breakpoint
-- Publishing a period again replaces its public report: of reports published twice, the latest stays public.
WITH superseded AS (
  UPDATE published_reports r SET archived_at = now(), updated_at = now(), version = r.version + 1
  WHERE r.archived_at IS NULL AND EXISTS (
    SELECT 1 FROM published_reports later
    WHERE later.archived_at IS NULL AND later.kind = r.kind AND later.body_id = r.body_id
      AND later.period_from = r.period_from AND later.period_to = r.period_to
      AND (later.published_at, later.id) > (r.published_at, r.id))
  RETURNING r.id
)
INSERT INTO audit_entries (actor, action, entity, entity_id, changes)
SELECT 'migration', 'unpublish', 'published_report', id::text, '{"reason": [null, "Reemplazado por una publicación posterior del mismo periodo."]}'::jsonb FROM superseded;--> statement-breakpoint
CREATE UNIQUE INDEX "published_reports_period_idx" ON "published_reports" USING btree ("kind","body_id","period_from","period_to") WHERE "archived_at" IS NULL;
