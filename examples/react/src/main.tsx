/**
 * The elements in a React 19 app, both ways: as plain tags (React 19 sets properties and adds
 * `on<event>` listeners on custom elements; `@egov-kit/elements/jsx-react` types them), and as
 * the `@lit/react` wrappers of `@egov-kit/elements/react`. scripts/examples.mjs builds it from
 * the packed tarballs, type-checks it strictly and drives it in Chromium.
 */
import '@egov-kit/elements/define';
import type { DossierSubmitDetail } from '@egov-kit/elements';
import { EgovCitizenIdField } from '@egov-kit/elements/react';
import type { FormDefinition } from '@egov-kit/schema';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

const label = (vi: string, en: string) => ({ vi, en });

const definition: FormDefinition = {
  id: 'example-react',
  version: 1,
  title: label('Tờ khai mẫu', 'Sample form'),
  sections: [
    {
      id: 'applicant',
      title: label('Người nộp', 'Applicant'),
      fields: [
        { name: 'fullName', type: 'text', label: label('Họ và tên', 'Full name'), required: true },
      ],
    },
  ],
};

function App() {
  const [submitted, setSubmitted] = useState<DossierSubmitDetail['data'] | null>(null);
  const [citizenId, setCitizenId] = useState('');
  return (
    <>
      <h1>egov-kit + React 19</h1>
      <egov-dossier-form
        no-draft
        definition={definition}
        onegov-submit={(event) => {
          // The detail is typed from the element's event map: no cast.
          setSubmitted(event.detail.data);
        }}
      />
      <output id="submitted">{submitted ? JSON.stringify(submitted) : ''}</output>
      <EgovCitizenIdField
        label="Số định danh cá nhân"
        name="citizenId"
        onInput={(event) =>
          setCitizenId((event.target as HTMLElementTagNameMap['egov-citizen-id-field']).value)
        }
      />
      <output id="citizen-id">{citizenId}</output>
    </>
  );
}

// Type tests: each line must be an error, or `tsc` fails on the unused directive.
export function TypeTests() {
  return (
    <>
      {/* @ts-expect-error `required` is a boolean property. */}
      <egov-text-field required="yes" />
      <egov-dossier-form
        // @ts-expect-error the detail of egov-submit has no `nonexistent`.
        onegov-submit={(event) => event.detail.nonexistent}
      />
      {/* @ts-expect-error an element that does not exist is not a known tag. */}
      <egov-no-such-element />
    </>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
