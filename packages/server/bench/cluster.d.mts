// Types of cluster.mjs, for the tests that use it.
export interface Instance {
  readonly label: string;
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
export function freePort(): Promise<number>;
export function startInstance(options?: {
  env?: Record<string, string>;
  port?: number;
  label?: string;
}): Promise<Instance>;
export interface RoundRobinProxy {
  readonly url: string;
  readonly stats: {
    requests: number;
    refusedSkipped: number;
    badGateway: number;
    perBackend: number[];
  };
  close(): Promise<void>;
}
export function startProxy(backends: readonly string[]): Promise<RoundRobinProxy>;
export interface Acknowledged {
  created: { client: number; key: string; id: string }[];
  submitted: Map<string, string>;
  received: Set<string>;
}
export interface LoadResult {
  requests: number;
  seconds: number;
  throughput: number;
  journeys: number;
  p50: number;
  p99: number;
  retries: number;
  failures: unknown[][];
  acknowledged: Acknowledged;
}
export function runLoad(options: {
  url: string;
  clients: number;
  seconds: number;
  tokens: (client: number) => Promise<string>;
  officerToken: string;
  answers: (form: unknown, files: Record<string, string[]>) => Record<string, unknown>;
  onProgress?: (journeys: number) => void;
  retry?: boolean;
}): Promise<LoadResult>;
export function verifyLoad(options: {
  url: string;
  clients: number;
  tokens: (client: number) => Promise<string>;
  officerToken: string;
  acknowledged: Acknowledged;
  failures?: unknown[][];
}): Promise<{ lost: number; duplicated: number; problems: string[] }>;
export function runScenario(options: {
  kind: 'pglite' | 'postgres' | 'two';
  clients: number;
  seconds: number;
  databaseUrl?: string | undefined;
  answers: (form: unknown, files: Record<string, string[]>) => Record<string, unknown>;
  log?: (message: string) => void;
}): Promise<{
  kind: string;
  clients: number;
  seconds: number;
  requests: number;
  throughput: number;
  journeys: number;
  p50: number;
  p99: number;
  retries: number;
  failed: number;
  failures: unknown[][];
  lost: number;
  duplicated: number;
  problems: string[];
}>;
