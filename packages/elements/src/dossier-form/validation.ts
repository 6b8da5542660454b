/**
 * validateFormData, loaded with a dynamic `import()` by the dossier form: it brings zod/mini
 * (≈7 kB gzipped, for the address check) and is needed only once a person submits, so the form
 * renders without waiting for it and fetches it in the background (see dossier-form.ts).
 */
export { validateFormData } from '@egov-kit/schema';
