/**
 * Where the design comes from and where it is kept, in one place:
 *   - on open: the autosave, then a share link in the address (which takes precedence);
 *   - while editing: the autosave, a moment after the last edit;
 *   - a link pasted into the address of the open app, an imported file.
 * Nothing untrusted reaches the canvas unvalidated, and a refusal never touches the design: the
 * person is told what is wrong and where, and keeps what they had.
 *
 * A shared design opened over the person's own leaves their autosave alone until they edit the
 * shared one; then their own design is set aside (BEFORE_LINK_KEY) and "Back to my design" brings
 * it back. While unedited, the link stays in the address, so a reload shows the same thing.
 *
 * Two tabs on one saved design: when another tab saves a different version, this tab stops writing
 * over it and asks which to keep; meanwhile its own edits go to OTHER_TAB_KEY, so neither is lost.
 * A browser that keeps nothing (private window, blocked site data) or is full: the person is told
 * once that the design will not be kept, and everything else goes on.
 */
import type { Parsed, Scenario } from '../../engine/core';
import { scenarioOf, type ScenarioStore } from '../store/scenarioStore';
import { AUTOSAVE_DELAY_MS, BEFORE_LINK_KEY, DESIGN_KEY, OTHER_TAB_KEY, readSaved, setAside, UNREADABLE_KEY, writeSaved, type SaveResult } from './autosave';
import { scenarioFromText } from './scenarioBytes';
import { decodeScenario, payloadOf } from './linkCodec';
import { readScenarioFile } from './scenarioFile';
import type { ShareStore } from './shareStore';

/** The browser, as far as the keeper needs it (tests pass their own). */
export interface KeeperEnv {
  storage: Storage | null;
  /** The address's fragment, with its '#'. */
  hash(): string;
  /** Takes the fragment off the address without reloading or adding a history entry. */
  clearHash(): void;
  onHashChange(cb: () => void): () => void;
  /** The page is going away (reload, close): write what is pending now. */
  onPageHide(cb: () => void): () => void;
  /** Another tab of this origin wrote `key` (the 'storage' event; value null when removed). */
  onStorage(cb: (key: string | null, value: string | null) => void): () => void;
  setTimer(cb: () => void, ms: number): unknown;
  clearTimer(t: unknown): void;
  /** A passing message ("Imported …", "too big to keep in the browser"). */
  info(text: string): void;
}

export function browserEnv(storage: Storage | null, info: (text: string) => void): KeeperEnv {
  return {
    storage,
    hash: () => window.location.hash,
    clearHash: () => window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search),
    onHashChange(cb) {
      window.addEventListener('hashchange', cb);
      return () => window.removeEventListener('hashchange', cb);
    },
    onPageHide(cb) {
      window.addEventListener('pagehide', cb);
      return () => window.removeEventListener('pagehide', cb);
    },
    onStorage(cb) {
      const on = (e: StorageEvent) => cb(e.key, e.newValue);
      window.addEventListener('storage', on);
      return () => window.removeEventListener('storage', on);
    },
    setTimer: (cb, ms) => window.setTimeout(cb, ms),
    clearTimer: (t) => window.clearTimeout(t as number),
    info,
  };
}

const UNCHANGED = 'Your design is unchanged.';

const designJson = (s: Scenario): string => JSON.stringify(s);

export class DesignKeeper {
  /** The JSON last written to (or read from) the autosave. */
  private saved: string | null = null;
  /** Set while a shared design is on the canvas and has not been edited. */
  private link: { json: string; previous: Scenario | null } | null = null;
  /** The person's own design from before the last link, for "Back to my design". */
  private previous: Scenario | null = null;
  private timer: unknown = null;
  private warnedSize: SaveResult | null = null;
  /** What another tab saved over this tab's design, while the person has not chosen between them. */
  private otherTab: string | null = null;
  /** Bumped by every load, so a slow link decode never lands over a newer design. */
  private loads = 0;
  private stops: (() => void)[] = [];

  constructor(
    private readonly store: ScenarioStore,
    private readonly ui: ShareStore,
    private readonly env: KeeperEnv,
  ) {}

  /** Whether start() has a design to read (one saved in this browser, or a link in the address): then the page waits for the validation to load before its first render. */
  hasDesignToOpen(): boolean {
    let saved = false;
    try {
      saved = (this.env.storage?.getItem(DESIGN_KEY) ?? null) !== null;
    } catch {
      // storage refused: nothing to restore
    }
    return saved || payloadOf(this.env.hash()) !== null;
  }

  /**
   * Restores the autosave (at once, before the first render and the worker's first run), then
   * opens a share link in the address if there is one. Resolves when the link is settled. Needs
   * the validation loaded (src/ui/validation.ts).
   */
  start(): Promise<void> {
    const saved = readSaved(this.env.storage);
    if (saved?.ok) {
      this.store.getState().loadScenario(saved.value);
      this.saved = designJson(scenarioOf(this.store.getState()));
    } else if (saved) {
      setAside(this.env.storage, DESIGN_KEY, UNREADABLE_KEY);
      this.ui.getState().refuse('The design saved in this browser could not be restored', saved.issues, 'It is set aside, not deleted; the example is open instead.');
    }
    this.stops.push(this.store.subscribe((next, prev) => {
      if (next.nodes !== prev.nodes || next.edges !== prev.edges || next.meta !== prev.meta) this.schedule();
    }));
    this.stops.push(this.env.onPageHide(() => this.flush()));
    this.stops.push(this.env.onStorage((key, value) => {
      if (key === DESIGN_KEY && value !== null) this.savedElsewhere(value);
    }));
    this.stops.push(this.env.onHashChange(() => void this.openFromAddress(saved?.ok === true || this.saved !== null)));
    return this.openFromAddress(saved?.ok === true);
  }

  stop(): void {
    this.flush();
    for (const s of this.stops.splice(0)) s();
  }

  /** Another tab saved `json` as the design: unless it is what this tab has, ask before writing over it. */
  private savedElsewhere(json: string): void {
    if (json === this.saved) return;
    if (json === designJson(scenarioOf(this.store.getState()))) {
      this.saved = json;
      return;
    }
    this.otherTab = json;
    this.ui.getState().setConflict(true);
  }

  /** Replaces this tab's design with the one the other tab saved (this tab's stays under OTHER_TAB_KEY). */
  useOtherTab(): void {
    const json = this.otherTab;
    if (json === null) return;
    const parsed = scenarioFromText(json, '(design saved in another tab)');
    if (!parsed.ok) {
      this.keepThisTab();
      this.ui.getState().refuse('The design the other tab saved cannot be read', parsed.issues, 'This tab’s design is kept and saved.');
      return;
    }
    this.flush();
    writeSaved(this.env.storage, designJson(scenarioOf(this.store.getState())), OTHER_TAB_KEY);
    this.otherTab = null;
    this.link = null;
    this.loads++;
    this.store.getState().loadScenario(parsed.value);
    this.saved = designJson(scenarioOf(this.store.getState()));
    this.ui.getState().setConflict(false);
  }

  /** Keeps this tab's design and saves it, over the other tab's (which that tab is told of in turn). */
  keepThisTab(): void {
    if (this.otherTab === null) return;
    this.otherTab = null;
    this.ui.getState().setConflict(false);
    if (this.timer !== null) this.env.clearTimer(this.timer);
    this.timer = null;
    this.saved = null;
    this.save();
  }

  /** Opens the share link in the address, if any. `ownDesign`: what is on the canvas is the person's. */
  private async openFromAddress(ownDesign: boolean): Promise<void> {
    const payload = payloadOf(this.env.hash());
    if (payload === null) return;
    this.flush();
    const load = ++this.loads;
    const parsed = await decodeScenario(payload);
    if (load !== this.loads) return; // something newer was loaded meanwhile
    if (!parsed.ok) {
      this.ui.getState().refuse('This share link cannot be opened', parsed.issues, `${UNCHANGED} Ask for the link again, copied whole, or for an exported file.`);
      return;
    }
    // A second link over an unedited first one: the person's own design is still the one to go back to.
    const previous = this.link ? this.link.previous : ownDesign ? scenarioOf(this.store.getState()) : null;
    this.store.getState().loadScenario(parsed.value);
    const json = designJson(scenarioOf(this.store.getState()));
    const same = previous !== null && designJson(previous) === json;
    this.link = { json, previous: same ? null : previous };
    this.previous = same ? null : previous;
    this.ui.getState().setOpened({ name: parsed.value.name, canGoBack: this.previous !== null });
    this.ui.getState().dismissRefusal();
  }

  /** Puts the person's own design back, the one a share link replaced. */
  backToMyDesign(): void {
    const previous = this.previous;
    if (!previous) return;
    this.previous = null;
    this.link = null;
    this.loads++;
    this.env.clearHash();
    this.store.getState().loadScenario(previous);
    this.ui.getState().setOpened(null);
    this.flush();
  }

  dismissOpened(): void {
    this.ui.getState().setOpened(null);
  }

  /** Opens a scenario file the person picked; a bad one is refused and changes nothing. */
  async importFile(file: File): Promise<Parsed<Scenario>> {
    const load = ++this.loads;
    const parsed = await readScenarioFile(file);
    if (!parsed.ok) {
      this.ui.getState().refuse(`“${file.name}” cannot be imported`, parsed.issues, UNCHANGED);
      return parsed;
    }
    if (load !== this.loads) return parsed;
    this.flush();
    this.link = null;
    this.store.getState().loadScenario(parsed.value);
    this.ui.getState().dismissRefusal();
    this.env.info(`Imported “${parsed.value.name}” from ${file.name}.`);
    return parsed;
  }

  /** The design as it would be exported or shared. */
  current(): Scenario {
    return scenarioOf(this.store.getState());
  }

  private schedule(): void {
    if (this.timer !== null) this.env.clearTimer(this.timer);
    this.timer = this.env.setTimer(() => {
      this.timer = null;
      this.save();
    }, AUTOSAVE_DELAY_MS);
  }

  /** Writes a pending save now (before the page goes, before another design is loaded). */
  flush(): void {
    if (this.timer === null) return;
    this.env.clearTimer(this.timer);
    this.timer = null;
    this.save();
  }

  private save(): void {
    const json = designJson(scenarioOf(this.store.getState()));
    if (this.link) {
      if (json === this.link.json) return; // a shared design only looked at: the person's own stays saved
      // The first edit of a shared design: from now on it is the person's, so their old one is set aside.
      if (this.link.previous) writeSaved(this.env.storage, designJson(this.link.previous), BEFORE_LINK_KEY);
      this.link = null;
      this.env.clearHash();
    }
    if (this.otherTab !== null) {
      // Not over the other tab's version until the person chooses; this tab's edits are kept aside.
      writeSaved(this.env.storage, json, OTHER_TAB_KEY);
      return;
    }
    if (json === this.saved) return;
    const r = writeSaved(this.env.storage, json);
    if (r === 'saved') {
      this.saved = json;
      this.warnedSize = null;
    } else if (r !== this.warnedSize) {
      this.warnedSize = r;
      this.env.info(
        r === 'too-big'
          ? 'This design is too big to keep in the browser; use Export to keep it as a file.'
          : r === 'no-room'
            ? 'The browser has no room left to keep this design; use Export to keep it as a file.'
            : 'This browser does not let the app keep your design (a private window, or site data blocked), so it goes when the page closes; use Export to keep it as a file.',
      );
    }
  }
}
