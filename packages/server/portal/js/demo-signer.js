/**
 * The demo signing identity of a role, as a `Signer` for `<egov-digital-signature>`.
 *
 * A real portal never holds a person's private key: it signs through the person's USB token
 * or a remote signing service (`CscRemoteSigner` of `@egov-kit/signing`). For the demo, the
 * reference server makes a demo CA and one certificate per demo user (marked "(DEMO)") and
 * hands out the key, so that anyone can try a complete PAdES signature in the browser:
 * `WebCryptoSigner.fromPkcs8()` imports it into WebCrypto, not extractable.
 *
 * `@egov-kit/signing` is large (pkijs, pdf-lib): it is fetched with `import()` only when a page
 * reaches a signature.
 */

const cache = new Map();

/** `{ signer, trustedRoots }` for the demo user of `role`; rejects with `{ text: { vi, en } }`. */
export function demoSigner(role) {
  if (!cache.has(role)) {
    const loading = load(role);
    cache.set(role, loading);
    loading.catch(() => cache.delete(role)); // a later attempt tries again
  }
  return cache.get(role);
}

async function load(role) {
  let identity;
  try {
    const response = await fetch(`/demo/signing-identity/${role}`);
    if (!response.ok) throw new Error(String(response.status));
    identity = await response.json();
  } catch {
    throw failure({
      vi: 'Không lấy được chứng thư số demo từ máy chủ (chế độ demo có thể đã tắt). Thử lại sau.',
      en: 'Could not get the demo certificate from the server (demo mode may be off). Try again later.',
    });
  }
  let signing;
  try {
    signing = await import('/signing/index.js');
  } catch {
    throw failure({
      vi: 'Không tải được thư viện ký số. Kiểm tra mạng rồi thử lại.',
      en: 'Could not load the signing library. Check your connection and try again.',
    });
  }
  try {
    const signer = await signing.WebCryptoSigner.fromPkcs8({
      privateKey: identity.privateKeyPkcs8Pem,
      certificate: identity.certificatePem,
      chain: identity.chainPem ?? [],
    });
    return { signer, trustedRoots: [identity.caPem] };
  } catch {
    throw failure({
      vi: 'Chứng thư số demo không dùng được trong trình duyệt này.',
      en: 'The demo certificate cannot be used in this browser.',
    });
  }
}

function failure(text) {
  const error = new Error(text.vi);
  error.text = text;
  return error;
}
