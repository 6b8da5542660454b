import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_USERS } from '../seed/demo-users.js';
import { type DistinguishedName, issueCertificate, pem } from './x509.js';

/** Whose demo signing identity: the demo citizen's or the demo officer's. */
export type DemoSigner = 'citizen' | 'officer';

/** A demo signing identity as `/demo/signing-identity/{who}` answers it. */
export interface DemoSigningIdentity {
  /** The holder's certificate, PEM. */
  readonly certificatePem: string;
  /** The certificates above it up to the trust anchor (here: the demo CA), PEM. */
  readonly chainPem: readonly string[];
  /** The holder's private key, PKCS #8 PEM — handed out because this is a demo, never otherwise. */
  readonly privateKeyPkcs8Pem: string;
  /** The demo CA certificate, PEM: the root a verifier trusts. */
  readonly caPem: string;
}

/** The demo CA and one identity per demo user. */
export interface DemoSigningIdentities {
  readonly caPem: string;
  readonly citizen: DemoSigningIdentity;
  readonly officer: DemoSigningIdentity;
}

const ORGANIZATION = 'egov-kit (DEMO)';
const YEAR = 365 * 86_400_000;
const FOLDER = 'demo-signing';

/**
 * The demo signing identities kept in `dir` (the server's DATA_DIR): read when they are there,
 * else made once — an ECDSA P-256 demo CA valid ten years and a certificate for each demo user
 * valid two years, key usage digitalSignature + nonRepudiation, "(DEMO)" in every name so that
 * no verifier mistakes them for a real CA's. Keys are written with mode 0600.
 */
export async function loadDemoSigningIdentities(dir: string): Promise<DemoSigningIdentities> {
  const folder = join(dir, FOLDER);
  try {
    return await read(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await create(folder);
  return read(folder);
}

async function read(folder: string): Promise<DemoSigningIdentities> {
  const file = (name: string) => readFile(join(folder, name), 'utf8');
  const caPem = await file('ca.pem');
  const identity = async (who: DemoSigner): Promise<DemoSigningIdentity> => ({
    certificatePem: await file(`${who}.pem`),
    chainPem: [caPem],
    privateKeyPkcs8Pem: await file(`${who}.key`),
    caPem,
  });
  return { caPem, citizen: await identity('citizen'), officer: await identity('officer') };
}

async function create(folder: string): Promise<void> {
  // Written to a fresh folder, then renamed: a crash half-way never leaves half an identity set.
  const staging = `${folder}.${process.pid}.${Date.now()}.tmp`;
  await mkdir(staging, { recursive: true, mode: 0o700 });
  const now = Date.now();
  // Back-dated an hour: a verifier whose clock runs a little behind still sees it as valid.
  const notBefore = new Date(now - 3_600_000);
  const ca = keyPair();
  const caName: DistinguishedName = {
    country: 'VN',
    organization: ORGANIZATION,
    commonName: 'egov-kit Demo CA (DEMO)',
  };
  const caDer = issueCertificate({
    subject: caName,
    subjectPublicKey: ca.publicKey,
    issuer: caName,
    issuerKey: ca.privateKey,
    issuerPublicKey: ca.publicKey,
    notBefore,
    notAfter: new Date(now + 10 * YEAR),
    kind: 'ca',
  });
  await writeFile(join(staging, 'ca.pem'), pem('CERTIFICATE', caDer));
  await writeKey(join(staging, 'ca.key'), ca.privateKey);
  for (const who of ['citizen', 'officer'] as const) {
    const holder = keyPair();
    const der = issueCertificate({
      subject: {
        country: 'VN',
        organization: ORGANIZATION,
        // "Nguyễn Văn An (demo)" → "Nguyễn Văn An (DEMO)"
        commonName: `${DEMO_USERS[who].name.replace(/\s*\(demo\)$/i, '')} (DEMO)`,
      },
      subjectPublicKey: holder.publicKey,
      issuer: caName,
      issuerKey: ca.privateKey,
      issuerPublicKey: ca.publicKey,
      notBefore,
      notAfter: new Date(now + 2 * YEAR),
      kind: 'signer',
    });
    await writeFile(join(staging, `${who}.pem`), pem('CERTIFICATE', der));
    await writeKey(join(staging, `${who}.key`), holder.privateKey);
  }
  try {
    await rename(staging, folder);
  } catch (error) {
    // Another process made them first: theirs stand.
    const code = (error as NodeJS.ErrnoException).code;
    await rm(staging, { recursive: true, force: true });
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  }
}

function keyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

async function writeKey(path: string, key: KeyObject): Promise<void> {
  await writeFile(path, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  await chmod(path, 0o600);
}
