/**
 * Checks the signatures of a PDF at the officer's desk: `verifyPades` of `@egov-kit/signing`
 * against the trusted roots, for `<egov-signature-report>` to show.
 *
 * The trusted roots of this demo are the reference server's demo CA (`/demo/ca.pem`), the one
 * that issues the demo citizen's and officer's certificates. A real desk passes its agency's
 * bundle instead — Vietnam's national root CA and the licensed public CAs it accepts (see
 * docs/signing/guide.md, "Trusted roots").
 *
 * `@egov-kit/signing` is large (pkijs, pdf-lib): it is fetched with `import()` only when an
 * officer asks for a check, like demo-signer.js does for signing.
 */

let roots = null;

/** The demo CA as PEM, fetched once; `[]` when the server has no demo CA (demo mode off). */
function trustedRoots() {
  roots ??= fetch('/demo/ca.pem').then(
    async (response) => (response.ok ? [await response.text()] : []),
    () => {
      roots = null; // a later check tries again
      return [];
    },
  );
  return roots;
}

/** True when the file starts like a PDF ("%PDF-" within its first kilobyte, as readers allow). */
export async function isPdf(file) {
  const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
  return new TextDecoder('latin1').decode(head).includes('%PDF-');
}

/**
 * `{ result, trusted }`: the `PadesVerification` of `file` and whether any trusted root was at
 * hand (without one, no signature can be more than "cannot be decided"). Rejects with
 * `{ text: { vi, en } }` when the file is not a PDF, is encrypted or broken, or the signing
 * library cannot be loaded.
 */
export async function checkPdfSignatures(file) {
  if (!(await isPdf(file))) {
    throw failure({
      vi: 'Tệp này không phải PDF: ở đây chỉ kiểm tra được chữ ký số trong tệp PDF.',
      en: 'This file is not a PDF: only signatures inside PDF files can be checked here.',
    });
  }
  let signing;
  try {
    signing = await import('/signing/index.js');
  } catch {
    throw failure({
      vi: 'Không tải được thư viện kiểm tra chữ ký số. Kiểm tra mạng rồi thử lại.',
      en: 'Could not load the signature checking library. Check your connection and try again.',
    });
  }
  const trusted = await trustedRoots();
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await signing.verifyPades(bytes, { trustedRoots: trusted });
    return { result, trusted: trusted.length > 0 };
  } catch (error) {
    // An encrypted PDF (EncryptedPdfError) says so in its own words, in both languages.
    if (error?.localizedMessage) throw failure(error.localizedMessage);
    throw failure({
      vi: 'Không đọc được tệp PDF này để kiểm tra chữ ký (tệp bị hỏng hoặc được đặt mật khẩu).',
      en: 'This PDF could not be read to check its signatures (it is damaged or password-protected).',
    });
  }
}

function failure(text) {
  const error = new Error(text.en);
  error.text = text;
  return error;
}
