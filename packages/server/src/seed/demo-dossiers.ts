import { randomUUID } from 'node:crypto';
import { type Applicant, type DossierStatus, dueDate } from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import { DEMO_USERS } from './demo-users.js';

const DAY = 86_400_000;

const applicant: Applicant = {
  kind: 'individual',
  fullName: 'Nguyễn Văn An',
  idType: 'citizen_id',
  idNumber: '048099012345',
  dateOfBirth: '1999-03-14',
  phone: '0905123456',
  email: 'an.nguyen@example.vn',
  address: { provinceCode: '48', communeCode: '20242', street: '12 Trần Phú' },
};

/** One demo dossier: where it is in its life, and the steps that led there. */
interface DemoDossier {
  readonly code: string;
  readonly status: DossierStatus;
  /** Days ago, per step: [action, from, to, daysAgo]. */
  readonly history: ReadonlyArray<readonly [string, DossierStatus | null, DossierStatus, number]>;
}

const DEMOS: readonly DemoDossier[] = [
  { code: 'HS-DEMO-000001', status: 'submitted', history: [['submit', 'draft', 'submitted', 0.1]] },
  {
    code: 'HS-DEMO-000002',
    status: 'in_progress',
    history: [
      ['submit', 'draft', 'submitted', 3],
      ['receive', 'submitted', 'received', 2.9],
      ['start_processing', 'received', 'in_progress', 2.8],
    ],
  },
  {
    code: 'HS-DEMO-000003',
    status: 'in_progress',
    history: [
      ['submit', 'draft', 'submitted', 20],
      ['receive', 'submitted', 'received', 19.8],
      ['start_processing', 'received', 'in_progress', 19.7],
    ],
  },
  {
    code: 'HS-DEMO-000004',
    status: 'awaiting_supplement',
    history: [
      ['submit', 'draft', 'submitted', 5],
      ['receive', 'submitted', 'received', 4.9],
      ['start_processing', 'received', 'in_progress', 4.8],
      ['request_supplement', 'in_progress', 'awaiting_supplement', 1],
    ],
  },
  {
    code: 'HS-DEMO-000005',
    status: 'returned',
    history: [
      ['submit', 'draft', 'submitted', 12],
      ['receive', 'submitted', 'received', 11.9],
      ['start_processing', 'received', 'in_progress', 11.8],
      ['resolve', 'in_progress', 'resolved', 9],
      ['return_result', 'resolved', 'returned', 8],
    ],
  },
];

/**
 * A handful of dossiers of the demo citizen at the demo commune, in different statuses, so that
 * the tracker, the inbox and the statistics have something to show on the first start.
 * Verifier of every demo receipt: `DEMO2345`.
 */
export async function seedDemoDossiers(tx: Queryable): Promise<number> {
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  for (const demo of DEMOS) {
    const id = randomUUID();
    const stamp = (action: string) => demo.history.find(([a]) => a === action)?.[3];
    const received = stamp('receive');
    const dueAt =
      received === undefined
        ? null
        : dueDate(new Date(at(received)), { value: 5, unit: 'working_days' }).toISOString();
    const resolved = stamp('resolve');
    const returned = stamp('return_result');
    await tx.query(
      `insert into dossiers (id, code, verifier, owner_id, procedure_code, case_code, form_id, form_version, channel,
         applicant, form_data, documents, status, agency_code, created_at, updated_at, submitted_at, received_at, due_at,
         completed_at, returned_at, paused_since, outcome, version)
       values ($1, $2, 'DEMO2345', $3, '1.013133', $4, 'military-service-first-registration', 1, 'online', $5, $6, '[]',
         $7, 'UBND-20242', $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        id,
        demo.code,
        DEMO_USERS.citizen.id,
        'case-1',
        JSON.stringify(applicant),
        JSON.stringify({ fullName: 'Nguyễn Văn An' }),
        demo.status,
        at((stamp('submit') ?? 0) + 0.01),
        at(demo.history.at(-1)?.[3] ?? 0),
        at(stamp('submit') ?? 0),
        received === undefined ? null : at(received),
        dueAt,
        resolved === undefined ? null : at(resolved),
        returned === undefined ? null : at(returned),
        demo.status === 'awaiting_supplement' ? at(1) : null,
        resolved === undefined
          ? null
          : JSON.stringify({ decision: 'approved', resultAttachmentIds: [] }),
        demo.history.length + 1,
      ],
    );
    if (demo.status === 'awaiting_supplement') {
      await tx.query('insert into dossier_pauses (dossier_id, started_at) values ($1, $2)', [
        id,
        at(1),
      ]);
    }
    for (const [action, from, to, daysAgo] of [
      ['create', null, 'draft', (stamp('submit') ?? 0) + 0.01] as const,
      ...demo.history,
    ]) {
      await tx.query(
        `insert into dossier_events (id, dossier_id, action, from_status, to_status, actor, at, note, due_at, notice)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          randomUUID(),
          id,
          action,
          from,
          to,
          JSON.stringify(
            action === 'create' || action === 'submit'
              ? { role: 'citizen', id: DEMO_USERS.citizen.id }
              : {
                  role: 'officer',
                  id: DEMO_USERS.officer.id,
                  name: DEMO_USERS.officer.name,
                  agencyCode: 'UBND-20242',
                },
          ),
          at(daysAgo),
          action === 'request_supplement' ? 'Bổ sung bản sao căn cước còn rõ nét.' : null,
          action === 'receive' ? dueAt : null,
          action === 'receive'
            ? JSON.stringify({ kind: 'receipt' })
            : action === 'request_supplement'
              ? JSON.stringify({ kind: 'supplement_request', requestedDocuments: ['doc-2'] })
              : action === 'resolve'
                ? JSON.stringify({ kind: 'result' })
                : null,
        ],
      );
    }
  }
  return DEMOS.length;
}
