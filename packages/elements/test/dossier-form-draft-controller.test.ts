/**
 * The DraftController on its own, in a host element that is nothing but the controller's view
 * of a form: a key, the answers, and where restored answers go.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DraftController } from '../src/dossier-form/draft-controller.js';
import { deleteDraft, loadDraft, saveDraft } from '../src/dossier-form/drafts.js';
import { until } from './helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let count = 0;
let delay = 40;

class DraftHost extends LitElement {
  key: string | null = `draft-controller-${count}`;
  data: Record<string, unknown> = {};
  submitted = false;
  renders = 0;
  readonly drafts = new DraftController(
    this,
    {
      key: () => this.key,
      answers: () => (this.submitted ? null : { data: this.data, version: 3 }),
      restore: (data) => {
        this.data = data;
      },
    },
    delay,
  );

  /** What the form does on an input. */
  answer(name: string, value: unknown) {
    this.data = { ...this.data, [name]: value };
    this.drafts.changed();
  }

  override updated() {
    this.renders += 1;
  }
}
customElements.define('test-draft-host', DraftHost);

/** Counts IndexedDB writes (`put`) while `run` runs, and a moment after. */
async function puts(run: () => Promise<unknown>): Promise<number> {
  const put = IDBObjectStore.prototype.put;
  let n = 0;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
    n += 1;
    return put.apply(this, args);
  };
  try {
    await run();
  } finally {
    IDBObjectStore.prototype.put = put;
  }
  return n;
}

async function host(options: { delay?: number } = {}): Promise<DraftHost> {
  count += 1;
  delay = options.delay ?? 40;
  const element = await fixture<DraftHost>(html`<test-draft-host></test-draft-host>`);
  await element.drafts.restore();
  return element;
}

const key = () => `draft-controller-${count}`;

describe('DraftController', () => {
  afterEach(async () => {
    await deleteDraft(key());
  });

  it('restores the answers, when they were saved and where they go on the server', async () => {
    count += 1;
    const server = { createKey: 'k1', id: 'd1', etag: '"d1.2"', dirty: true };
    await saveDraft(key(), {
      data: { fullName: 'An' },
      savedAt: 1_700_000_000_000,
      version: 3,
      server,
    });
    const element = await fixture<DraftHost>(html`<test-draft-host></test-draft-host>`);
    expect(element.drafts.loaded).to.equal(false);
    const renders = element.renders;
    expect(await element.drafts.restore()).to.equal(true);
    expect(element.data).to.deep.equal({ fullName: 'An' });
    expect(element.drafts.restoredAt).to.equal(1_700_000_000_000);
    expect(element.drafts.server).to.deep.equal(server);
    expect(element.drafts.loaded).to.equal(true);
    await element.updateComplete;
    expect(element.renders).to.be.greaterThan(renders);
  });

  it('marks answers kept from before there was a client as not on the server yet', async () => {
    count += 1;
    await saveDraft(key(), { data: { fullName: 'Bình' }, savedAt: 1, version: 3 });
    const element = await fixture<DraftHost>(html`<test-draft-host></test-draft-host>`);
    await element.drafts.restore();
    expect(element.drafts.server.dirty).to.equal(true);
    await deleteDraft(key());
    const empty = await host();
    expect(empty.drafts.server.dirty).to.equal(false);
    expect(empty.drafts.restoredAt).to.equal(null);
  });

  it('drops a lookup overtaken by a newer one', async () => {
    const element = await host();
    const first = element.drafts.restore();
    const second = element.drafts.restore();
    expect(await first).to.equal(false);
    expect(await second).to.equal(true);
  });

  it('writes once after a burst of changes, with the last answers', async () => {
    const element = await host({ delay: 60 });
    const writes = await puts(async () => {
      element.answer('fullName', 'N');
      await sleep(10);
      element.answer('fullName', 'Ng');
      await sleep(10);
      element.answer('fullName', 'Nguyễn');
      expect(await loadDraft(key())).to.equal(undefined);
      await until(() => false, 200).catch(() => undefined);
    });
    expect(writes).to.equal(1);
    const saved = await loadDraft(key());
    expect(saved?.data).to.deep.equal({ fullName: 'Nguyễn' });
    expect(saved?.version).to.equal(3);
    expect(saved?.server?.dirty).to.equal(true);
  });

  it('writes at once when the page is left: a closed tab loses nothing', async () => {
    const element = await host({ delay: 60_000 });
    element.answer('fullName', 'Trần Thị Bình');
    window.dispatchEvent(new Event('pagehide'));
    await until(() => false, 100).catch(() => undefined);
    expect((await loadDraft(key()))?.data.fullName).to.equal('Trần Thị Bình');
    await element.drafts.forget();
  });

  it('on disconnect writes what waits at once, and stops listening', async () => {
    const element = await host({ delay: 60_000 });
    const writes = await puts(async () => {
      element.answer('fullName', 'Lê Văn Cường');
      element.remove();
      await until(() => false, 100).catch(() => undefined);
      expect((await loadDraft(key()))?.data.fullName).to.equal('Lê Văn Cường');
      // Gone from the page, it hears no pagehide either.
      element.data = { fullName: 'not saved' };
      element.drafts.save();
      window.dispatchEvent(new Event('pagehide'));
      await element.drafts.forget();
    });
    expect(writes).to.equal(1);
  });

  it('forget() drops a pending write and deletes the draft', async () => {
    const element = await host();
    element.answer('fullName', 'Phạm Thị Dung');
    await element.drafts.saveNow();
    expect(await loadDraft(key())).to.not.equal(undefined);
    element.answer('fullName', 'Phạm Thị Dung Em');
    await element.drafts.forget();
    await until(() => false, 150).catch(() => undefined);
    expect(await loadDraft(key())).to.equal(undefined);
  });

  it('discard() also begins a new server draft', async () => {
    const element = await host();
    const { createKey } = element.drafts.server;
    element.answer('fullName', 'Hoàng');
    await element.drafts.discard();
    expect(element.drafts.server.createKey).to.not.equal(createKey);
    expect(element.drafts.server.dirty).to.equal(false);
  });

  it('keeps nothing without a key, or once submitted', async () => {
    const element = await host();
    element.key = null;
    element.answer('fullName', 'Không lưu');
    await element.drafts.saveNow();
    element.key = key();
    element.submitted = true;
    await element.drafts.saveNow();
    expect(await loadDraft(key())).to.equal(undefined);
  });
});
