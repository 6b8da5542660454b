import type * as z from 'zod/mini';
import { lazy } from './lazy.js';

/**
 * The uses of one answer schema after which it is compiled. zod's `compile()` turns a schema into
 * one generated function (a failing answer still goes through the ordinary parser, so the issues
 * are the same). That takes 1–15 ms once per schema and makes each validation 2–10× faster (a
 * procedure 0.013 → 0.006 ms, a page of 100 procedures about 0.1 → 0.009 ms): worth it for a
 * schema used again and again — a back end's client, a poller — not for a script that calls once.
 */
export const USES_BEFORE_COMPILE = 16;

interface Heat {
  uses: number;
  compiled?: z.ZodMiniType;
}

const heat = new WeakMap<object, Heat>();
const zod = lazy(() => import('zod/mini'));

/**
 * The schema to validate an answer with: `schema` itself, or once it has been used
 * `USES_BEFORE_COMPILE` times, its compiled form. The compiling is done after the current answer
 * is handed back, never in its way; `z.config({ jitless: true })` turns it off, as it does zod's
 * own generated code. Only the Node entry uses this: in a browser the compiler's code would be
 * bytes on a phone's connection, and `new Function` is often forbidden by the page's policy.
 */
export function hot<T>(schema: z.ZodMiniType<T>): z.ZodMiniType<T> {
  let entry = heat.get(schema);
  if (!entry) {
    entry = { uses: 0 };
    heat.set(schema, entry);
  }
  if (entry.compiled) return entry.compiled as z.ZodMiniType<T>;
  if (++entry.uses === USES_BEFORE_COMPILE) {
    const ready = entry;
    setTimeout(() => {
      zod().then(
        ({ compile, config }) => {
          // compile() hands the schema back unchanged when it cannot compile it.
          ready.compiled = config().jitless ? schema : compile(schema);
        },
        () => {
          ready.compiled = schema;
        },
      );
    }, 0);
  }
  return schema;
}
