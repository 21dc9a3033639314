// A small reactive store and the Lit means to reach it: the shell provides the store to the
// elements below it with the context protocol Lit's own @lit/context speaks (a bubbling, composed
// `context-request` event answered by the nearest provider), and each element that reads state
// holds a StoreController, a reactive controller that updates its host when what it selected
// changed. Changes are batched: many `set` calls in one task make one notification.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Changed<S> = ReadonlySet<keyof S>;
type Listener<S> = (changed: Changed<S>) => void;

export class Store<S extends object> {
  #state: S;
  #changed = new Set<keyof S>();
  #listeners = new Set<Listener<S>>();
  #queued = false;
  #waiting: (() => void)[] = [];

  constructor(initial: S) {
    this.#state = { ...initial };
  }

  get state(): Readonly<S> {
    return this.#state;
  }

  /** Changes the fields that differ (by identity); listeners hear of it once the task's changes are in. */
  set(patch: Partial<S>): void {
    for (const key of Object.keys(patch) as (keyof S)[]) {
      if (Object.is(this.#state[key], patch[key])) continue;
      this.#state = { ...this.#state, [key]: patch[key] };
      this.#changed.add(key);
    }
    if (this.#changed.size && !this.#queued) {
      this.#queued = true;
      queueMicrotask(() => this.#flush());
    }
  }

  /** Resolves once the changes made so far have been announced. */
  settled(): Promise<void> {
    if (!this.#queued) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  subscribe(listener: Listener<S>): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** What the store itself does when state changed (schedule runs, write the URL…); may `set` more. */
  protected react(_changed: Changed<S>): void {}

  #flush(): void {
    this.#queued = false;
    const all = new Set<keyof S>();
    // Reactions may change more state: those changes join this notification (a few rounds at most).
    for (let round = 0; round < 8 && this.#changed.size; round++) {
      const changed = this.#changed;
      this.#changed = new Set();
      changed.forEach((k) => all.add(k));
      this.react(changed);
    }
    for (const listener of [...this.#listeners]) listener(all);
    const waiting = this.#waiting;
    this.#waiting = [];
    waiting.forEach((resolve) => resolve());
  }
}

// --- the context protocol (https://github.com/webcomponents-cg/community-protocols) ---------------

export const CONTEXT_REQUEST = 'context-request';

export class ContextRequestEvent<T> extends Event {
  constructor(
    readonly context: unknown,
    readonly callback: (value: T) => void,
    readonly subscribe = false,
  ) {
    super(CONTEXT_REQUEST, { bubbles: true, composed: true });
  }
}

/** Answers the context requests of `key` from below `host` with `value`. */
export function provide<T>(host: HTMLElement, key: unknown, value: T): void {
  host.addEventListener(CONTEXT_REQUEST, (e) => {
    const req = e as ContextRequestEvent<T>;
    if (req.context !== key) return;
    e.stopPropagation();
    req.callback(value);
  });
}

/**
 * Connects an element to the store provided above it. `select` names what the element reads (an
 * array of values): the host updates when one of them changed. Without a provider (an element used
 * on its own) `store` stays null.
 */
export class StoreController<S extends object, St extends Store<S> = Store<S>> implements ReactiveController {
  store: St | null = null;
  #unsubscribe: (() => void) | null = null;
  #last: unknown[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly key: unknown,
    private readonly select: (store: St) => unknown[] = () => [],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.dispatchEvent(new ContextRequestEvent<St>(this.key, (store) => (this.store = store)));
    const store = this.store;
    if (!store) return;
    this.#last = this.select(store);
    this.#unsubscribe = store.subscribe(() => {
      const next = this.select(store);
      if (next.length !== this.#last.length || next.some((v, i) => !Object.is(v, this.#last[i]))) {
        this.#last = next;
        this.host.requestUpdate();
      }
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}
