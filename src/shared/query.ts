import { z } from 'zod';

/**
 * A yes/no flag in a query string: `true`/`1` and `false`/`0` (what links and forms send). `z.coerce.boolean()`
 * would turn the string "false" into true, so `?includeInactive=false` showed inactive records. A boolean is taken as
 * it is (the CLI passes its options straight in).
 */
export const queryBoolean = z.union([
  z.boolean(),
  z.enum(['true', 'false', '1', '0'], { error: 'Giá trị phải là true hoặc false' }).transform((value) => value === 'true' || value === '1'),
]);
