-- Extensions and the Spanish, accent-insensitive text search configuration the tables' search columns use.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION telar_es (COPY = pg_catalog.spanish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION telar_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
