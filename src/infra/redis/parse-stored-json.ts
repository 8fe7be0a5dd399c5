import type { z } from 'zod';

/**
 * A JSON value read back from Redis, checked against its schema; undefined for none, or for one this
 * version cannot read (written by an older version, or damaged), which then counts as absent.
 */
export function parseStoredJson<T>(raw: string | null | undefined, schema: z.ZodType<T>): T | undefined {
  if (!raw) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
