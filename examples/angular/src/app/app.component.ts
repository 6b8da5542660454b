/**
 * The elements in an Angular app. CUSTOM_ELEMENTS_SCHEMA lets the template use the egov- tags;
 * `[prop]` bindings set their properties and `(egov-…)` listens to their events, whose types
 * come from the elements' `GlobalEventHandlersEventMap` (`$any` is not needed in the handlers).
 * scripts/examples.mjs builds it from the packed tarballs and drives it in Chromium.
 */
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { FormDefinition } from '@egov-kit/schema';

const label = (vi: string, en: string) => ({ vi, en });

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <h1>egov-kit + Angular</h1>
    <egov-dossier-form [noDraft]="true" [definition]="definition" (egov-submit)="onSubmit($event)"></egov-dossier-form>
    <output id="submitted">{{ submitted() }}</output>
    <egov-citizen-id-field label="Số định danh cá nhân" name="citizenId" (input)="onCitizenId($event)"></egov-citizen-id-field>
    <output id="citizen-id">{{ citizenId() }}</output>
  `,
})
export class AppComponent {
  readonly definition: FormDefinition = {
    id: 'example-angular',
    version: 1,
    title: label('Tờ khai mẫu', 'Sample form'),
    sections: [
      {
        id: 'applicant',
        title: label('Người nộp', 'Applicant'),
        fields: [
          {
            name: 'fullName',
            type: 'text',
            label: label('Họ và tên', 'Full name'),
            required: true,
          },
        ],
      },
    ],
  };
  readonly submitted = signal('');
  readonly citizenId = signal('');

  // Angular types a template's `$event` on a custom element as `Event`: narrow it here, with the
  // type the elements declare for the event.
  onSubmit(event: Event): void {
    const { detail } = event as GlobalEventHandlersEventMap['egov-submit'];
    this.submitted.set(JSON.stringify(detail.data));
  }

  onCitizenId(event: Event): void {
    this.citizenId.set((event.target as HTMLElementTagNameMap['egov-citizen-id-field']).value);
  }
}
