/**
 * The SyncController on its own, in a host element that is nothing but the controller's view of
 * a form, against the in-memory dossier server (with short timings, so that a back-off shows in
 * a test's time).
 */
import type { Dossier, FieldDefinition } from '@egov-kit/schema';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { translate } from '../src/base/localization.js';
import type { ServerFieldError } from '../src/dossier-form/dossier-form.js';
import { formMessages } from '../src/dossier-form/dossier-form.messages.js';
import { freshServerDraft } from '../src/dossier-form/drafts.js';
import type {
  DossierFormClient,
  ServerDraftState,
  ServerDraftStore,
} from '../src/dossier-form/server-draft.js';
import { syncMessages } from '../src/dossier-form/sync.messages.js';
import { SyncController, type SyncTiming } from '../src/dossier-form/sync-controller.js';
import { FakeDossierServer } from './fake-dossier-server.js';
import { partText, until } from './helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const FIELDS: FieldDefinition[] = [
  { name: 'fullName', type: 'text', label: { vi: 'Họ và tên', en: 'Full name' } },
  {
    name: 'certificate',
    type: 'file',
    label: { vi: 'Giấy chứng sinh', en: 'Birth certificate' },
    documentCode: 'doc-1',
  },
];

let setup: { client?: DossierFormClient; timing: SyncTiming } = {
  timing: { delay: 40, firstRetry: 40, maxRetry: 100 },
};

/** The local draft, in memory: what it was told to keep, and how often. */
class Local implements ServerDraftStore {
  server: ServerDraftState = freshServerDraft();
  loaded = true;
  kept: ServerDraftState[] = [];
  forgotten = 0;
  saveNow(): Promise<void> {
    this.kept.push(this.server);
    return Promise.resolve();
  }
  forget(): Promise<void> {
    this.forgotten += 1;
    return Promise.resolve();
  }
}

class SyncHost extends LitElement {
  client = setup.client;
  procedureCode = '1.001193';
  data: Record<string, unknown> = {};
  serverErrors: readonly ServerFieldError[] = [];
  announced: string[] = [];
  submittedDossiers: Dossier[] = [];
  readonly local = new Local();
  readonly sync = new SyncController(
    this,
    this.local,
    {
      fields: () => FIELDS,
      replaceAnswers: (formData) => {
        this.data = formData;
      },
      announce: async (message) => {
        this.announced.push(translate(message, 'vi'));
      },
    },
    setup.timing,
  );

  /** What the form does on an input. */
  answer(name: string, value: unknown) {
    this.data = { ...this.data, [name]: value };
    if (!this.local.server.dirty) this.local.server = { ...this.local.server, dirty: true };
    this.sync.changed();
  }

  constructor() {
    super();
    this.addEventListener('egov-submitted', (event) => {
      this.submittedDossiers.push((event as CustomEvent<{ dossier: Dossier }>).detail.dossier);
    });
  }

  override render() {
    return this.sync.submitted ? this.sync.renderSubmitted('vi') : this.sync.render('vi');
  }
}
customElements.define('test-sync-host', SyncHost);

/** A client of `server` that notes when each call was made. */
function timed(server: FakeDossierServer) {
  const client = server.client();
  const times: number[] = [];
  const create = client.dossiers.create;
  client.dossiers.create = (...args) => {
    times.push(performance.now());
    return create(...args);
  };
  return { client, times };
}

async function host(
  server: FakeDossierServer,
  options: { client?: DossierFormClient; timing?: Partial<SyncTiming> } = {},
): Promise<SyncHost> {
  setup = {
    client: options.client ?? server.client(),
    timing: { delay: 40, firstRetry: 40, maxRetry: 100, ...options.timing },
  };
  return fixture<SyncHost>(html`<test-sync-host></test-sync-host>`);
}

const button = (element: SyncHost, part: string) =>
  element.shadowRoot?.querySelector(`[part="${part}"]`) as HTMLButtonElement;

const only = (server: FakeDossierServer) => {
  expect(server.dossiers.size).to.equal(1);
  return [...server.dossiers.values()][0] as Dossier;
};

describe('SyncController', () => {
  it('sends the answers once after a pause in typing, creating the draft', async () => {
    const server = new FakeDossierServer();
    const element = await host(server);
    element.answer('fullName', 'N');
    await sleep(20);
    element.answer('fullName', 'Ng');
    await sleep(20);
    element.answer('fullName', 'Nguyễn');
    await sleep(20);
    expect(server.calls).to.have.length(0);
    await until(() => element.sync.status === 'saved');
    expect(server.callsOf('create')).to.have.length(1);
    expect(only(server).formData).to.deep.equal({ fullName: 'Nguyễn' });
    expect(element.local.server.id).to.equal(only(server).id);
    expect(element.local.server.dirty).to.equal(false);
    // The draft's id went into the local draft, so that a reload goes on with it.
    expect(element.local.kept.at(-1)?.id).to.equal(only(server).id);
    await element.updateComplete;
    expect(partText(element, 'sync')).to.equal('Bản nháp đã được lưu trên hệ thống.');
  });

  it('retries while offline, waiting twice as long each time up to the cap', async () => {
    const server = new FakeDossierServer();
    const { client, times } = timed(server);
    const element = await host(server, { client, timing: { firstRetry: 40, maxRetry: 80 } });
    server.offline = true;
    element.answer('fullName', 'Trần Thị Bình');
    // Five attempts, the last one failed too.
    await until(() => times.length >= 5 && element.sync.status === 'offline', 2000);
    await element.updateComplete;
    expect(partText(element, 'sync')).to.contain('Đã lưu trên thiết bị này');
    // 40 ms, 80 ms, then the cap of 80 ms (not 160, 320). Timers run late, never early: the
    // lower bounds are exact, and the last wait is far below what it would be without a cap.
    const gaps = times.slice(1, 5).map((time, i) => time - (times[i] ?? 0));
    [40, 80, 80, 80].forEach((wait, i) => {
      expect(gaps[i], `retry ${i + 1}`).to.be.at.least(wait);
    });
    expect(gaps[3], 'the cap').to.be.below(80 + 150);
    server.offline = false;
    await until(() => element.sync.status === 'saved', 2000);
    expect(only(server).formData.fullName).to.equal('Trần Thị Bình');
  });

  it('sends at once when the connection comes back', async () => {
    const server = new FakeDossierServer();
    const element = await host(server, { timing: { firstRetry: 60_000, maxRetry: 60_000 } });
    server.offline = true;
    element.answer('fullName', 'An');
    await until(() => element.sync.status === 'offline');
    server.offline = false;
    window.dispatchEvent(new Event('online'));
    await until(() => element.sync.status === 'saved');
    expect(only(server).formData.fullName).to.equal('An');
  });

  describe('a conflict', () => {
    async function conflicted() {
      const server = new FakeDossierServer();
      const element = await host(server);
      element.answer('fullName', 'Lê Văn Cường');
      await element.sync.flush();
      server.editElsewhere(only(server).id, { fullName: 'Lê Văn C. (máy khác)' });
      element.answer('fullName', 'Lê Văn Cường Em');
      await element.sync.flush();
      await element.updateComplete;
      return { server, element };
    }

    it('stops every attempt, refuses a submit, and shows both choices', async () => {
      const { server, element } = await conflicted();
      expect(element.sync.status).to.equal('conflict');
      expect(partText(element, 'conflict')).to.contain('Bản nháp này đã được sửa ở nơi khác');
      element.answer('fullName', 'Lê Văn Cường Em Út');
      await sleep(120);
      await element.sync.flush();
      expect(server.callsOf('update')).to.have.length(1);
      expect(await element.sync.submit()).to.equal(syncMessages.resolveFirst);
      expect(server.callsOf('submit')).to.have.length(0);
      expect(only(server).formData.fullName).to.equal('Lê Văn C. (máy khác)');
    });

    it('"use the saved version" hands the server’s answers to the form', async () => {
      const { element } = await conflicted();
      button(element, 'use-saved').click();
      await until(() => element.sync.status === 'saved');
      expect(element.data).to.deep.equal({ fullName: 'Lê Văn C. (máy khác)' });
      expect(element.local.server.dirty).to.equal(false);
      await until(() => element.announced.length === 1);
      expect(element.announced[0]).to.equal('Đã chuyển sang bản đã lưu trên hệ thống.');
    });

    it('"keep my answers" overwrites against the fresh ETag', async () => {
      const { server, element } = await conflicted();
      button(element, 'keep-mine').click();
      await until(() => element.announced.length === 1);
      expect(only(server).formData.fullName).to.equal('Lê Văn Cường Em');
      expect(server.callsOf('update').at(-1)?.ifMatch).to.equal(`"${only(server).id}.2"`);
      expect(element.sync.status).to.equal('saved');
    });
  });

  it('keeps the new ETag when the answers change while a save is out', async () => {
    const server = new FakeDossierServer();
    const element = await host(server);
    element.answer('fullName', 'Đỗ');
    await element.sync.flush();
    element.answer('fullName', 'Đỗ Văn');
    const saving = element.sync.flush();
    await sleep(1);
    // The old form replaced the state object on every keystroke: it must not lose the ETag.
    element.local.server = { ...element.local.server, dirty: true };
    element.answer('fullName', 'Đỗ Văn Giang');
    await saving;
    await element.sync.flush();
    expect(element.sync.status).to.equal('saved');
    expect(only(server).formData.fullName).to.equal('Đỗ Văn Giang');
  });

  it('on disconnect leaves no timer and stops listening; on return sends what waits', async () => {
    const server = new FakeDossierServer();
    const element = await host(server, { timing: { firstRetry: 60_000, maxRetry: 60_000 } });
    element.answer('fullName', 'Phạm');
    const parent = element.parentElement as HTMLElement;
    element.remove();
    await sleep(120);
    expect(server.calls).to.have.length(0);
    parent.append(element);
    await until(() => element.sync.status === 'saved');
    server.offline = true;
    element.answer('fullName', 'Phạm Thị');
    await until(() => element.sync.status === 'offline');
    element.remove();
    server.offline = false;
    window.dispatchEvent(new Event('online'));
    await sleep(120);
    expect(server.callsOf('update')).to.have.length(1);
    parent.append(element);
    await until(() => element.sync.status === 'saved');
    expect(only(server).formData.fullName).to.equal('Phạm Thị');
  });

  describe('submit', () => {
    async function filled() {
      const server = new FakeDossierServer();
      const element = await host(server);
      element.answer('fullName', 'Hoàng Văn Em');
      return { server, element };
    }

    it('sends the last answers, submits, forgets the draft and tells the page', async () => {
      const { server, element } = await filled();
      expect(await element.sync.submit()).to.equal(null);
      expect(element.local.forgotten).to.equal(1);
      expect(partText(element, 'notice')).to.equal('Đã nộp hồ sơ. Mã hồ sơ của bạn: G01.001.');
      expect(element.shadowRoot?.activeElement?.getAttribute('part')).to.equal('notice');
      expect(element.submittedDossiers.map((dossier) => dossier.code)).to.deep.equal(['G01.001']);
      expect(element.sync.submitted?.status).to.equal('submitted');
      expect(only(server).formData).to.deep.equal({ fullName: 'Hoàng Văn Em' });
      // Done with this server draft: the next one starts afresh.
      expect(element.local.server.id).to.equal(undefined);
    });

    it('a failed submit keeps the answers and the draft, and says why', async () => {
      const { server, element } = await filled();
      server.fail('submit', 'before');
      expect(await element.sync.submit()).to.equal(formMessages.submitOffline);
      expect(element.data).to.deep.equal({ fullName: 'Hoàng Văn Em' });
      expect(element.local.server.id).to.equal(only(server).id);
      expect(element.submittedDossiers).to.have.length(0);
      expect(element.sync.submitted).to.equal(null);
      expect(element.local.forgotten).to.equal(0);

      const refusing = server.client();
      refusing.dossiers.submit = () =>
        Promise.reject(Object.assign(new Error('Down'), { name: 'ApiError', status: 503 }));
      element.client = refusing;
      const problem = await element.sync.submit();
      expect(translate(problem ?? '', 'vi')).to.equal(
        'Chưa gửi được hồ sơ: Hệ thống đang gặp sự cố; hãy thử lại sau ít phút. Câu trả lời vẫn được giữ.',
      );
      expect(element.data).to.deep.equal({ fullName: 'Hoàng Văn Em' });
      expect(element.local.server.id).to.equal(only(server).id);
    });

    it('puts field errors on the form, not in the problem line', async () => {
      const { server, element } = await filled();
      server.submitCheck = () => [{ path: 'formData.fullName', message: 'Không khớp.' }];
      expect(await element.sync.submit()).to.equal(null);
      expect(element.serverErrors).to.deep.equal([
        { path: 'formData.fullName', message: 'Không khớp.' },
      ]);
      expect(element.data).to.deep.equal({ fullName: 'Hoàng Văn Em' });
    });

    it('a retried submit reuses the Idempotency-Key, kept on the device before it went', async () => {
      const { server, element } = await filled();
      server.fail('submit', 'before');
      await element.sync.submit();
      const key = element.local.server.submitKey;
      expect(key).to.be.a('string');
      expect(element.local.kept.map((kept) => kept.submitKey)).to.include(key);
      expect(await element.sync.submit()).to.equal(null);
      expect(server.callsOf('submit').map((call) => call.key)).to.deep.equal([key, key]);
      expect(server.submittedCount()).to.equal(1);
    });

    it('a retry after a lost answer finds the dossier submitted and submits nothing', async () => {
      const { server, element } = await filled();
      server.fail('submit', 'after');
      expect(await element.sync.submit()).to.equal(formMessages.submitOffline);
      expect(await element.sync.submit()).to.equal(null);
      expect(server.callsOf('submit')).to.have.length(1);
      expect(element.submittedDossiers).to.have.length(1);
    });
  });
});
