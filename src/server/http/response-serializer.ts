import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Paths (`items[0].orgName`) present in what the handler returned but missing from what its schema lets through. */
export function droppedFields(sent: unknown, kept: unknown, path = ''): string[] {
  if (Array.isArray(sent)) {
    if (!Array.isArray(kept)) return [];
    return sent.flatMap((item, i) => droppedFields(item, kept[i], `${path}[${i}]`));
  }
  if (sent === null || typeof sent !== 'object' || kept === null || typeof kept !== 'object') return [];
  return Object.entries(sent).flatMap(([key, value]) => {
    const at = path === '' ? key : `${path}.${key}`;
    return key in kept ? droppedFields(value, (kept as Record<string, unknown>)[key], at) : [at];
  });
}

/**
 * Serialises a JSON answer through its route's response schema (zod `encode`: Dates become ISO text, unknown fields
 * are dropped, a value of the wrong type is an error rather than a surprise for the client). With `strict` (tests),
 * a field the handler returned that the schema would drop is an error too: the schema must say everything sent.
 * Without it (production), a value of the wrong type is logged and sent unchanged rather than refused with a 500.
 */
export function responseSerializer(options: {
  strict: boolean;
  onMismatch?: (route: string, error: z.ZodError) => void;
}): FastifySerializerCompiler<z.ZodType> {
  return ({ schema, method, url }) =>
    (data) => {
      const result = z.safeEncode(schema, data);
      if (!result.success) {
        if (options.strict) throw new ResponseSerializationError(method, url, { cause: result.error });
        // In production a stored value older than today's types (an imported date, say) must not make a record
        // unreadable: the answer goes out as the handler built it, and the mismatch is logged to be fixed.
        options.onMismatch?.(`${method} ${url}`, result.error);
        return JSON.stringify(data);
      }
      if (options.strict) {
        const dropped = droppedFields(JSON.parse(JSON.stringify(data)), JSON.parse(JSON.stringify(result.data)));
        if (dropped.length > 0) throw new Error(`${method} ${url}: the response schema drops ${dropped.slice(0, 10).join(', ')}`);
      }
      return JSON.stringify(result.data);
    };
}
