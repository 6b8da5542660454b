import type { Procedure } from '@egov-kit/schema';
import { importNationalProcedure, type NationalProcedureRecord } from '@egov-kit/schema/procedures';

let all: Promise<Procedure[]> | undefined;

/**
 * All 207 real procedures the reference server seeds (packages/server/data), converted with the
 * schema's importer, as the server stores them: read once per test file, in the browser.
 */
export function nationalProcedures(): Promise<Procedure[]> {
  all ??= (async () => {
    const response = await fetch(
      new URL('../../server/data/national-procedures.json.gz', import.meta.url),
    );
    if (!response.ok || !response.body) throw new Error(`fixture: ${response.status}`);
    const text = await new Response(
      response.body.pipeThrough(new DecompressionStream('gzip')),
    ).text();
    return (JSON.parse(text) as NationalProcedureRecord[]).map((record) =>
      importNationalProcedure(record),
    );
  })();
  return all;
}

/** One of them by code; fails the test when it is not there. */
export async function nationalProcedure(code: string): Promise<Procedure> {
  const found = (await nationalProcedures()).find((procedure) => procedure.code === code);
  if (!found) throw new Error(`no procedure ${code} in the fixture`);
  return structuredClone(found);
}
