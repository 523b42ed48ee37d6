import { z } from 'zod';

/**
 * Building blocks of the response schemas: what the server writes, so no trimming, defaults or
 * Spanish messages (those belong to the input schemas).
 */
export const viewId = z.uuid();
/** A calendar day, YYYY-MM-DD. */
export const viewDate = z.iso.date();
/** An instant in UTC, ISO 8601 with milliseconds ("2026-11-22T12:29:39.463Z"). */
export const viewInstant = z.iso.datetime();
export const viewVersion = z.number().int().min(1);
export const viewCount = z.number().int().min(0);

/**
 * A named schema or null. Written as a union because `.nullable()` on a named schema comes out as an
 * intersection ("allOf"), which client generators read as "an object that is also null".
 */
export const orNull = <Schema extends z.ZodType>(schema: Schema) => z.union([schema, z.null()]);
