import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type ActorRole,
  availableActions,
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  type DossierState,
  type DossierStatus,
  isTerminal,
  NATIONAL_STATUS_CODES,
  transition,
} from '../src/status/index.js';

/** The machine exactly as DESIGN.md draws it (self-loops of events such as apologies aside). */
const DESIGN_EDGES = [
  'draft→submitted',
  'submitted→received',
  'submitted→rejected',
  'submitted→awaiting_supplement',
  'submitted→awaiting_payment',
  'submitted→withdrawn',
  'received→in_progress',
  'in_progress→in_progress',
  'in_progress→awaiting_supplement',
  'in_progress→awaiting_payment',
  'in_progress→stopped',
  'in_progress→resolved',
  'in_progress→withdrawn',
  'awaiting_supplement→submitted',
  'awaiting_supplement→in_progress',
  'awaiting_supplement→rejected',
  'awaiting_supplement→withdrawn',
  'awaiting_payment→in_progress',
  'awaiting_payment→resolved',
  'stopped→in_progress',
  'stopped→resolved',
  'resolved→returned',
];

const ROLES: ActorRole[] = ['citizen', 'officer', 'system'];

/** Runs of the property tests, reported in the closing note. */
const RUNS = 5_000;

function edgesOfMachine(): string[] {
  const edges = new Set<string>();
  for (const rule of Object.values(ACTIONS)) {
    for (const from of rule.from) {
      if (rule.to === 'same') continue;
      const targets =
        typeof rule.to === 'string' ? [rule.to] : [rule.to.ifReceived, rule.to.otherwise];
      for (const to of targets) edges.add(`${from}→${to}`);
    }
  }
  return [...edges].sort();
}

describe('dossier status machine', () => {
  it('has exactly the transitions of DESIGN.md', () => {
    expect(edgesOfMachine()).toEqual([...DESIGN_EDGES].sort());
  });

  it('maps every status but draft to its national code 1–10, each code once', () => {
    const codes = DOSSIER_STATUSES.filter((s) => s !== 'draft').map(
      (s) => NATIONAL_STATUS_CODES[s],
    );
    expect([...codes].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(NATIONAL_STATUS_CODES.draft).toBeNull();
    expect(NATIONAL_STATUS_CODES.received).toBe(2);
    expect(NATIONAL_STATUS_CODES.returned).toBe(10);
  });

  it('reaches every status from a draft', () => {
    const seen = new Set<DossierStatus>(['draft']);
    const queue: DossierState[] = [{ status: 'draft' }];
    while (queue.length) {
      const state = queue.shift() as DossierState;
      for (const action of DOSSIER_ACTIONS) {
        for (const actor of ROLES) {
          for (const receivedAt of [null, '2026-02-13T08:00:00+07:00']) {
            const result = transition({ ...state, receivedAt }, { action, actor, note: 'x' });
            if (result.ok && !seen.has(result.value.to)) {
              seen.add(result.value.to);
              queue.push({ status: result.value.to, receivedAt });
            }
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([...DOSSIER_STATUSES].sort());
  });

  it('leaves every non-terminal status by some action, and no terminal one', () => {
    for (const status of DOSSIER_STATUSES) {
      const leaving = availableActions({ status }).some((action) => {
        const result = transition(
          { status },
          { action, actor: ACTIONS[action].actors[0], note: 'x' },
        );
        return result.ok && result.value.to !== status;
      });
      expect(leaving, status).toBe(!isTerminal(status));
    }
  });

  it('sends a supplement back to where the dossier was', () => {
    const request = { action: 'supplement', actor: 'citizen' } as const;
    const before = transition({ status: 'awaiting_supplement' }, request);
    const after = transition(
      { status: 'awaiting_supplement', receivedAt: '2026-02-13T08:00:00+07:00' },
      request,
    );
    expect(before.ok && before.value.to).toBe('submitted');
    expect(after.ok && after.value.to).toBe('in_progress');
  });

  it('keeps the status on an apology and records a new due date and a notice', () => {
    const result = transition(
      { status: 'in_progress' },
      { action: 'apologise', actor: 'officer', note: 'Cần xác minh thêm' },
    );
    expect(result.ok && result.value).toMatchObject({ from: 'in_progress', to: 'in_progress' });
    expect(result.ok && result.value.rule).toMatchObject({ setsDueAt: true, notice: 'apology' });
  });

  it.each([
    [{ status: 'returned' }, { action: 'withdraw', actor: 'citizen' }, 'terminal'],
    [{ status: 'draft' }, { action: 'receive', actor: 'officer' }, 'wrong_status'],
    [{ status: 'submitted' }, { action: 'receive', actor: 'citizen' }, 'wrong_actor'],
    [{ status: 'in_progress' }, { action: 'stop', actor: 'officer', note: '  ' }, 'note_required'],
    [
      { status: 'in_progress' },
      { action: 'approve_everything', actor: 'officer' },
      'unknown_action',
    ],
  ] as const)('refuses %o %o with %s, in both languages', (state, request, code) => {
    const result = transition(state, request);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.vi).not.toBe(result.error.message.en);
    }
  });

  it('lists what each role may do next', () => {
    expect(availableActions({ status: 'submitted' }, 'citizen')).toEqual(['withdraw']);
    expect(availableActions({ status: 'submitted' }, 'officer').sort()).toEqual(
      ['receive', 'reject', 'request_payment', 'request_supplement'].sort(),
    );
    expect(availableActions({ status: 'rejected' })).toEqual([]);
  });

  describe('properties', () => {
    const request = fc.record({
      action: fc.oneof(fc.constantFrom(...DOSSIER_ACTIONS), fc.string()),
      actor: fc.constantFrom(...ROLES),
      note: fc.option(fc.string(), { nil: undefined }),
    });

    // Each step either takes one of the actions the current status allows (so that long walks
    // reach every status, terminal ones included) or throws an arbitrary request at the machine.
    const step = fc.record({ pick: fc.nat(), arbitrary: request, useArbitrary: fc.boolean() });

    it(`no sequence of actions leaves a defined state, or leaves a terminal state (${RUNS} runs)`, () => {
      const reached = new Set<DossierStatus>();
      fc.assert(
        fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
          let state: { status: DossierStatus; receivedAt: string | null } = {
            status: 'draft',
            receivedAt: null,
          };
          for (const { pick, arbitrary, useArbitrary } of steps) {
            const allowed = availableActions(state);
            const chosen = allowed[pick % Math.max(allowed.length, 1)];
            const next =
              useArbitrary || chosen === undefined
                ? arbitrary
                : { action: chosen, actor: ACTIONS[chosen].actors[0], note: 'Ghi chú' };
            if (isTerminal(state.status)) {
              // Nothing, by anyone, leaves a terminal status; the walk ends here.
              expect(transition(state, next).ok).toBe(false);
              for (const action of DOSSIER_ACTIONS) {
                for (const actor of ROLES) {
                  expect(transition(state, { action, actor, note: 'x' }).ok).toBe(false);
                }
              }
              break;
            }
            const result = transition(state, next);
            if (!result.ok) continue;
            expect(DOSSIER_STATUSES).toContain(result.value.to);
            expect(result.value.from).toBe(state.status);
            // Once submitted, a dossier never becomes a draft again and always has a national code.
            expect(result.value.to).not.toBe('draft');
            expect(NATIONAL_STATUS_CODES[result.value.to]).toBeTypeOf('number');
            state = {
              status: result.value.to,
              receivedAt:
                result.value.rule.stamps === 'receivedAt'
                  ? '2026-02-13T08:00:00+07:00'
                  : state.receivedAt,
            };
            reached.add(state.status);
          }
        }),
        { numRuns: RUNS },
      );
      // The walks did reach every status but draft, terminal ones included.
      expect(reached.size).toBe(DOSSIER_STATUSES.length - 1);
    }, 30_000);

    it(`an allowed action is always one the rule table lists for that status and role (${RUNS} runs)`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...DOSSIER_STATUSES), request, (status, step) => {
          const result = transition({ status }, step);
          const listed = availableActions({ status }, step.actor).includes(step.action as never);
          if (result.ok) expect(listed).toBe(true);
          else if (result.error.code !== 'note_required') expect(listed).toBe(false);
        }),
        { numRuns: RUNS },
      );
    });
  });
});
