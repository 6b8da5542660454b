/** What the kit needs to reach a back end, and how to run. */
export interface ConformanceOptions {
  /** The API's base URL, with its `/api/v1`, e.g. `https://dichvucong.example.gov.vn/api/v1`. */
  readonly baseUrl: string;
  /** A citizen's bearer token: creates and submits the kit's dossiers. */
  readonly citizenToken?: string | undefined;
  /** An officer's bearer token, of the agency the kit's dossiers are routed to. */
  readonly officerToken?: string | undefined;
  /** A second citizen's token, for the checks that one citizen cannot reach another's data. */
  readonly otherCitizenToken?: string | undefined;
  /** An administrator's token, for the notification outbox, webhooks and templates. */
  readonly adminToken?: string | undefined;
  /** An expired token (signed as your identity provider signs, `exp` in the past). */
  readonly expiredToken?: string | undefined;
  /** The procedure the kit files dossiers for; `1.013133` (a national procedure) by default. */
  readonly procedureCode?: string | undefined;
  /** The applicant's province and commune, where the kit's dossiers are routed. */
  readonly provinceCode?: string | undefined;
  readonly communeCode?: string | undefined;
  /** Files one dossier may hold (`dossier_file_limit`); the check is skipped when unset. */
  readonly filesPerDossier?: number | undefined;
  /** Check ids or globs (`uploads.*`) to run; every check when empty. */
  readonly only?: readonly string[] | undefined;
  /** Check ids or globs to leave out. */
  readonly skip?: readonly string[] | undefined;
  /** Milliseconds per check (every request of it together); 60,000 by default. */
  readonly timeoutMs?: number | undefined;
  /** The `fetch` to use; the global one by default. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Told when a check ends, e.g. to print progress. */
  readonly onResult?: ((result: CheckResult) => void) | undefined;
}

/** One request the kit sent and what came back, as shown in a report. */
export interface Exchange {
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: string | undefined;
  };
  readonly response?:
    | {
        readonly status: number;
        readonly headers: Readonly<Record<string, string>>;
        readonly body?: string | undefined;
      }
    | undefined;
  /** No answer: the network error or the timeout. */
  readonly error?: string | undefined;
}

/** The outcome of one check. */
export type CheckStatus = 'pass' | 'fail' | 'skip';

/** A check's outcome, with what failed and the exchange that showed it. */
export interface CheckResult {
  readonly id: string;
  readonly title: string;
  /** The title in Vietnamese. */
  readonly titleVi?: string | undefined;
  /** The parts of the contract the check tests: DESIGN.md sections, route ids, OpenAPI paths. */
  readonly cites: readonly string[];
  readonly status: CheckStatus;
  /** On failure, the rule that was broken; on skip, why. */
  readonly rule?: string | undefined;
  readonly message?: string | undefined;
  readonly exchange?: Exchange | undefined;
  readonly durationMs: number;
  /** How many requests the check sent. */
  readonly requests: number;
  /** The statuses each operation answered, by operation id: what the check exercised. */
  readonly operations?: Readonly<Record<string, readonly number[]>> | undefined;
}

/** A whole run. */
export interface ConformanceReport {
  readonly baseUrl: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly results: readonly CheckResult[];
  readonly summary: {
    readonly passed: number;
    readonly failed: number;
    readonly skipped: number;
  };
  /**
   * The drafts the run created and deleted again at its end (`deleteDossier`), and those left
   * (submitted by a check, or the back end refused): not a check, never a failure.
   */
  readonly cleanup?: { readonly draftsDeleted: number; readonly draftsLeft: number };
}
