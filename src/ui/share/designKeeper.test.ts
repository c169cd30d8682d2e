import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/index';
import { defaultScenario } from '../store/defaultScenario';
import { createScenarioStore, scenarioOf } from '../store/scenarioStore';
import { BEFORE_LINK_KEY, DESIGN_KEY, MAX_AUTOSAVE_CHARS, OTHER_TAB_KEY, UNREADABLE_KEY } from './autosave';
import { DesignKeeper, type KeeperEnv } from './designKeeper';
import { encodeScenario } from './linkCodec';
import { createShareStore } from './shareStore';

class MemoryStorage implements Storage {
  items = new Map<string, string>();
  quota = Infinity;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  setItem(k: string, v: string) {
    if (v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(k, v);
  }
}

/** One tab's view of a shared MemoryStorage: a write fires 'storage' in the other tabs, as browsers do. */
class TabStorage implements Storage {
  static tabs = new Map<MemoryStorage, Set<TabStorage>>();
  listeners: ((key: string | null, value: string | null) => void)[] = [];
  constructor(readonly shared: MemoryStorage) {
    const set = TabStorage.tabs.get(shared) ?? new Set();
    set.add(this);
    TabStorage.tabs.set(shared, set);
  }
  get length() {
    return this.shared.length;
  }
  clear() {
    this.shared.clear();
  }
  getItem(k: string) {
    return this.shared.getItem(k);
  }
  key(i: number) {
    return this.shared.key(i);
  }
  removeItem(k: string) {
    this.shared.removeItem(k);
  }
  setItem(k: string, v: string) {
    this.shared.setItem(k, v);
    for (const t of TabStorage.tabs.get(this.shared) ?? []) if (t !== this) t.listeners.forEach((l) => l(k, v));
  }
}

/** A page: its address fragment, its storage, and timers that run when the test says. */
function page(storage = new MemoryStorage(), hash = '') {
  const timers: (() => void)[] = [];
  const infos: string[] = [];
  const hashListeners: (() => void)[] = [];
  const tab = new TabStorage(storage);
  const env: KeeperEnv = {
    storage: tab,
    hash: () => hash,
    clearHash: () => void (hash = ''),
    onHashChange: (cb) => (hashListeners.push(cb), () => undefined),
    onPageHide: () => () => undefined,
    onStorage: (cb) => (tab.listeners.push(cb), () => undefined),
    setTimer: (cb) => (timers.push(cb), timers.length),
    clearTimer: (t) => void (timers[(t as number) - 1] = () => undefined),
    info: (t) => infos.push(t),
  };
  const store = createScenarioStore(defaultScenario());
  const ui = createShareStore();
  const keeper = new DesignKeeper(store, ui, env);
  return {
    storage,
    store,
    ui,
    keeper,
    infos,
    get hash() {
      return hash;
    },
    /** The person pastes another address into the open tab. */
    async navigate(h: string) {
      hash = h;
      hashListeners.forEach((l) => l());
      await new Promise((r) => setTimeout(r, 50));
    },
    /** The debounce time passes. */
    idle() {
      timers.splice(0).forEach((t) => t());
    },
  };
}

const edited = (s: Scenario, name: string): Scenario => ({ ...s, name });
const saved = (st: MemoryStorage, key = DESIGN_KEY) => JSON.parse(st.getItem(key) ?? 'null') as Scenario | null;

describe('autosave', () => {
  it('an edit is saved after a quiet moment and comes back on the next visit', async () => {
    const a = page();
    await a.keeper.start();
    a.store.getState().setSeed(77);
    expect(a.storage.getItem(DESIGN_KEY)).toBeNull(); // not on every keystroke
    a.idle();
    expect(saved(a.storage)?.seed).toBe(77);

    const b = page(a.storage);
    await b.keeper.start();
    expect(scenarioOf(b.store.getState())).toEqual(scenarioOf(a.store.getState()));
  });

  it('a saved design that cannot be read is reported and set aside, and the example opens', async () => {
    const storage = new MemoryStorage();
    storage.setItem(DESIGN_KEY, '{"version": 1, "nodes": [{"id": "x", "type": "queue", "capacity": -1}]}');
    const p = page(storage);
    await p.keeper.start();
    expect(p.ui.getState().refusal).toMatchObject({ title: 'The design saved in this browser could not be restored', issues: [{ path: 'nodes[0] (x).capacity' }] });
    expect(scenarioOf(p.store.getState()).nodes.map((n) => n.id)).toEqual(['clients', 'buffer', 'workers']);
    expect(storage.getItem(UNREADABLE_KEY)).toMatch(/"capacity": -1/);
  });

  it('is bounded: a design too big to keep is not written, and the person is told once to Export', async () => {
    const storage = new MemoryStorage();
    const p = page(storage);
    await p.keeper.start();
    p.store.getState().loadScenario({ ...defaultScenario(), description: 'x'.repeat(1500) });
    storage.quota = 1000; // as if the origin's storage were nearly full
    p.idle();
    expect(storage.getItem(DESIGN_KEY)).toBeNull();
    p.store.getState().setSeed(5);
    p.idle();
    expect(p.infos).toEqual(['The browser has no room left to keep this design; use Export to keep it as a file.']);
    expect(MAX_AUTOSAVE_CHARS).toBe(2 * 1024 * 1024);
  });
});

describe('storage faults', () => {
  it('a browser that refuses storage: the person is told once that the design is not kept, and editing goes on', async () => {
    const refusing = new MemoryStorage();
    refusing.setItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const p = page(refusing);
    await p.keeper.start();
    p.store.getState().setSeed(5);
    p.idle();
    p.store.getState().setSeed(6);
    p.idle();
    expect(p.infos).toHaveLength(1);
    expect(p.infos[0]).toMatch(/does not let the app keep your design.*Export/);
    expect(scenarioOf(p.store.getState()).seed).toBe(6);
  });

  it('two tabs on one saved design: the second is told, saves nothing over the other, and loses nothing', async () => {
    const storage = new MemoryStorage();
    const a = page(storage);
    await a.keeper.start();
    const b = page(storage);
    await b.keeper.start();
    a.store.getState().setSeed(11);
    a.idle();
    expect(saved(storage)?.seed).toBe(11);
    expect(b.ui.getState().conflict).not.toBeNull(); // b shows the default (seed 1), a saved seed 11

    b.store.getState().setSeed(22);
    b.idle();
    expect(saved(storage)?.seed).toBe(11); // not written over
    expect(saved(storage, OTHER_TAB_KEY)?.seed).toBe(22); // b's edit is kept aside
    expect(a.ui.getState().conflict).toBeNull();

    b.keeper.keepThisTab();
    expect(saved(storage)?.seed).toBe(22);
    expect(b.ui.getState().conflict).toBeNull();
    expect(a.ui.getState().conflict).not.toBeNull(); // now a is told in turn

    a.keeper.useOtherTab();
    expect(scenarioOf(a.store.getState()).seed).toBe(22);
    expect(saved(storage, OTHER_TAB_KEY)?.seed).toBe(11); // a's own version, set aside
    expect(a.ui.getState().conflict).toBeNull();
    a.idle();
    b.idle();
    expect(saved(storage)?.seed).toBe(22);
    expect(a.ui.getState().conflict).toBeNull();
    expect(b.ui.getState().conflict).toBeNull();
  });

  it('a save by another tab of what this tab already shows is no conflict', async () => {
    const storage = new MemoryStorage();
    const a = page(storage);
    await a.keeper.start();
    const b = page(storage);
    await b.keeper.start();
    a.store.getState().setSeed(3);
    b.store.getState().setSeed(3);
    a.idle();
    expect(b.ui.getState().conflict).toBeNull();
  });
});

describe('a share link on open', () => {
  it('takes precedence over the autosave, which is kept until the shared design is edited', async () => {
    const storage = new MemoryStorage();
    const mine = edited(defaultScenario(), 'Mine');
    storage.setItem(DESIGN_KEY, JSON.stringify(mine));
    const shared = { ...defaultScenario(), name: 'Shared', seed: 9 };
    const p = page(storage, `#s=${await encodeScenario(shared)}`);
    await p.keeper.start();
    expect(scenarioOf(p.store.getState())).toEqual(shared);
    expect(p.ui.getState().opened).toEqual({ name: 'Shared', canGoBack: true });
    p.store.getState().select('buffer'); // looking is not editing
    p.idle();
    expect(saved(storage)?.name).toBe('Mine');
    expect(p.hash).not.toBe('');

    p.store.getState().setSeed(10); // the first edit: the shared design becomes the person's
    p.idle();
    expect(saved(storage)).toMatchObject({ name: 'Shared', seed: 10 });
    expect(saved(storage, BEFORE_LINK_KEY)?.name).toBe('Mine');
    expect(p.hash).toBe(''); // a reload now shows the edited design, not the link again

    p.keeper.backToMyDesign();
    expect(scenarioOf(p.store.getState()).name).toBe('Mine');
    expect(saved(storage)?.name).toBe('Mine');
    expect(p.ui.getState().opened).toBeNull();
  });

  it('a bad link leaves the design and the autosave as they were, and says what is wrong', async () => {
    const storage = new MemoryStorage();
    storage.setItem(DESIGN_KEY, JSON.stringify(edited(defaultScenario(), 'Mine')));
    const p = page(storage, '#s=1.eJyrVkrOz8lXsjI0NDQ');
    await p.keeper.start();
    expect(scenarioOf(p.store.getState()).name).toBe('Mine');
    expect(p.ui.getState().refusal).toMatchObject({ title: 'This share link cannot be opened', issues: [{ path: '(link)', message: expect.stringMatching(/damaged or cut short/) }] });
    expect(p.ui.getState().opened).toBeNull();
  });

  it('a link pasted into the open app replaces the design only when it is good', async () => {
    const p = page();
    await p.keeper.start();
    p.store.getState().setSeed(3);
    await p.navigate('#s=2.abc');
    expect(p.ui.getState().refusal?.issues[0]?.message).toMatch(/made by a newer version/);
    expect(scenarioOf(p.store.getState()).seed).toBe(3);
    expect(saved(p.storage)?.seed).toBe(3); // the pending edit was written before the link was tried

    await p.navigate(`#s=${await encodeScenario(edited(defaultScenario(), 'Other'))}`);
    expect(scenarioOf(p.store.getState()).name).toBe('Other');
    expect(p.ui.getState().refusal).toBeNull();
    p.keeper.backToMyDesign();
    expect(scenarioOf(p.store.getState()).seed).toBe(3);
  });
});

describe('import', () => {
  const file = (text: string | Uint8Array, name = 'design.json') => new File([text as BlobPart], name);

  it('opens a good file, and refuses a bad one without touching the design', async () => {
    const p = page();
    await p.keeper.start();
    p.store.getState().setSeed(4);
    const r = await p.keeper.importFile(file('{"version": 1, "nodes": "none"}', 'broken.json'));
    expect(r.ok).toBe(false);
    expect(p.ui.getState().refusal).toMatchObject({ title: '“broken.json” cannot be imported', issues: [{ path: 'nodes' }], outcome: 'Your design is unchanged.' });
    expect(scenarioOf(p.store.getState()).seed).toBe(4);

    const good = edited(defaultScenario(), 'From a file');
    await p.keeper.importFile(file(JSON.stringify(good)));
    expect(scenarioOf(p.store.getState())).toEqual(good);
    expect(p.ui.getState().refusal).toBeNull();
    expect(p.infos).toEqual(['Imported “From a file” from design.json.']);
  });

  it('names an empty file, a binary file and one far too big', async () => {
    const p = page();
    await p.keeper.start();
    const why = async (f: File) => {
      const r = await p.keeper.importFile(f);
      return r.ok ? 'accepted' : `${r.issues[0]!.path}: ${r.issues[0]!.message}`;
    };
    expect(await why(file(''))).toBe('(file): empty: there is no scenario in it');
    expect(await why(file(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])))).toMatch(/^\(file\): not text/);
    expect(await why(file(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])))).toMatch(/^\(file\): not text: this is a binary file/);
    expect(await why(file(' '.repeat(3 * 1024 * 1024)))).toBe('(file): 3.0 MB is more than any scenario (at most 2.0 MB); is it the right file?');
    expect(await why(file('\uFEFF' + JSON.stringify(defaultScenario())))).toBe('accepted'); // a byte-order mark is fine
  });
});
