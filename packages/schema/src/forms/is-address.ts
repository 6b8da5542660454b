/**
 * Whether a value is an address of the 2025 map: a 2-digit province code, a 5-digit commune
 * code and a street line — the same rules as the `Address` schema, written without zod so that
 * form validation costs a browser no zod (≈7 KB gzipped). A test keeps the two in agreement.
 */
export function isAddress(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  // Other keys are ignored, as the zod object ignores them; form validation keeps only these three.
  const { provinceCode, communeCode, street } = value as Record<string, unknown>;
  return (
    typeof provinceCode === 'string' &&
    /^\d{2}$/.test(provinceCode) &&
    typeof communeCode === 'string' &&
    /^\d{5}$/.test(communeCode) &&
    typeof street === 'string' &&
    street.length > 0
  );
}
