import { createRequire } from 'node:module';
import { Procedure } from '@egov-kit/schema';
import { DEMO_PROCEDURE as procedure } from '@egov-kit/server';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { answerValidator } from '../src/internal/answer-validator.js';
import { hot, USES_BEFORE_COMPILE } from '../src/internal/hot-validators.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A schema of its own per test: the heat of a schema is kept for the life of the process. */
const schemaOf = () =>
  z.object({
    code: z.string().check(z.minLength(1)),
    count: z.int().check(z.nonnegative()),
    tags: z.array(z.enum(['a', 'b'])),
  });

describe('hot validators (Node)', () => {
  afterEach(() => {
    z.config({ jitless: false });
  });

  it('uses the schema itself until it has been used often', async () => {
    const schema = schemaOf();
    for (let i = 1; i < USES_BEFORE_COMPILE; i++) expect(hot(schema)).toBe(schema);
    await tick();
    expect(hot(schema)).toBe(schema); // the last use starts the compiling, after it
    await tick();
    expect(hot(schema)).not.toBe(schema);
  });

  it('compiles to a validator that answers as the schema does', async () => {
    const schema = schemaOf();
    for (let i = 0; i < USES_BEFORE_COMPILE; i++) hot(schema);
    await tick();
    const compiled = hot(schema);
    expect(compiled).not.toBe(schema);
    const inputs: unknown[] = [
      { code: 'x', count: 2, tags: ['a'] },
      { code: 'x', count: 2, tags: ['a'], extra: 'dropped as before' },
      { code: '', count: -1, tags: ['c'] },
      { code: 'x', count: 1.5, tags: 'a' },
      null,
      'a string',
    ];
    for (const input of inputs) {
      const expected = schema.safeParse(input);
      const actual = compiled.safeParse(input);
      expect(actual.success).toBe(expected.success);
      if (expected.success) expect(actual.data).toEqual(expected.data);
      else expect(actual.error?.issues).toEqual(expected.error?.issues);
    }
  });

  it('compiles the procedure schema, whose answers and errors stay the same', async () => {
    const valid = Procedure.safeParse(procedure);
    expect(valid.success).toBe(true);
    for (let i = 0; i <= USES_BEFORE_COMPILE; i++) hot(Procedure);
    await tick();
    const compiled = hot(Procedure);
    expect(compiled).not.toBe(Procedure);
    expect(compiled.safeParse(procedure)).toEqual(valid);
    const broken = structuredClone(procedure) as Record<string, any>;
    broken.cases[0].documents[0].copies = -1;
    broken.onlineLevel = 'sometimes';
    const issues = Procedure.safeParse(broken).error?.issues;
    expect(issues?.length).toBe(2);
    expect(compiled.safeParse(broken).error?.issues).toEqual(issues);
  });

  it('is off where zod is told not to generate code (jitless)', async () => {
    z.config({ jitless: true });
    const schema = schemaOf();
    for (let i = 0; i <= USES_BEFORE_COMPILE; i++) hot(schema);
    await tick();
    expect(hot(schema)).toBe(schema);
  });

  it('is what the Node entry validates with; the other entry keeps the schema', async () => {
    const schema = schemaOf();
    expect(answerValidator(schema)).toBe(schema);
    await import('../src/node.js');
    const { answerValidator: now } = await import('../src/internal/answer-validator.js');
    expect(now).toBe(hot);
    // Node resolves the package to that entry; bundlers for browsers to the one without it.
    const require = createRequire(import.meta.url);
    expect(require.resolve('@egov-kit/client')).toMatch(/[/\\]dist[/\\]node\.js$/);
  });
});
