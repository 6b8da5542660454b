import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { formDefinitions, formForProcedure } from '@egov-kit/schema/forms';
import { importNationalProcedure, type NationalProcedureRecord } from '@egov-kit/schema/procedures';
import type { Database } from '../db/database.js';
import { NATIONAL_PROCEDURES } from '../paths.js';
import { forgetVocabulary, rebuildSearchIndex } from '../services/procedure-search.js';
import { bindForm, saveForm, saveProcedure } from '../services/procedures.js';
import { DEMO_AGENCIES } from './agencies.js';
import { seedDemoDossiers } from './demo-dossiers.js';
import { DEMO_PROCEDURE, seedDemoProcedure } from './demo-procedure.js';

/** What seeding did, for the start-up log. */
export interface SeedReport {
  readonly procedures: number;
  readonly forms: number;
  readonly agencies: number;
  readonly dossiers: number;
}

/**
 * Fills an empty database: the national procedure records through the schema package's
 * importer, the authored forms bound to their procedures (the generic form for the others),
 * the demo agencies and a handful of demo dossiers; with `demoProcedure`, the demo record of
 * "Đăng ký khai sinh" too. Does nothing else on a database that has procedures already, so
 * restarts keep the data — except adding the demo procedure when it is asked for and missing
 * (a data folder from before it existed, or from a start with the demo off).
 */
export async function seed(
  db: Database,
  options: { demoDossiers?: boolean; demoProcedure?: boolean } = {},
): Promise<SeedReport | undefined> {
  return db.transaction(async (tx) => {
    // Several instances starting at once on an empty database: one seeds, the others wait here
    // and then find the procedures there (without the lock both seeded, and one failed).
    await tx.query('select pg_advisory_xact_lock(7275102)');
    const [existing] = await tx.query<{ n: number }>('select count(*)::int as n from procedures');
    if ((existing?.n ?? 0) > 0) {
      let added = false;
      if (options.demoProcedure) {
        const [demo] = await tx.query('select 1 from procedures where code = $1', [
          DEMO_PROCEDURE.code,
        ]);
        if (!demo) {
          await seedDemoProcedure(tx);
          added = true;
        }
      }
      // A database from before the search index, or with procedures added since: index it.
      const [index] = await tx.query<{ stale: boolean }>(
        `select exists (select 1 from procedures where words = '{}')
           or not exists (select 1 from search_vocabulary) as stale`,
      );
      if (added || index?.stale) await rebuildSearchIndex(tx);
      forgetVocabulary(db);
      return undefined;
    }
    const records = JSON.parse(
      gunzipSync(await readFile(NATIONAL_PROCEDURES)).toString('utf8'),
    ) as NationalProcedureRecord[];
    for (const form of formDefinitions) await saveForm(tx, form);
    for (const record of records) {
      const procedure = importNationalProcedure(record);
      await saveProcedure(tx, procedure);
      const form = formForProcedure(procedure.code);
      for (const procedureCase of procedure.cases)
        await bindForm(tx, procedure.code, procedureCase.code, form.id);
    }
    if (options.demoProcedure) await seedDemoProcedure(tx);
    await rebuildSearchIndex(tx);
    forgetVocabulary(db);
    for (const agency of DEMO_AGENCIES) {
      await tx.query(
        'insert into agencies (code, name, level, unit_code, parent_code) values ($1, $2, $3, $4, $5)',
        [
          agency.code,
          agency.name,
          agency.level,
          agency.unitCode ?? null,
          agency.parentCode ?? null,
        ],
      );
    }
    const dossiers = options.demoDossiers === false ? 0 : await seedDemoDossiers(tx);
    return {
      procedures: records.length + (options.demoProcedure ? 1 : 0),
      forms: formDefinitions.length,
      agencies: DEMO_AGENCIES.length,
      dossiers,
    };
  });
}
