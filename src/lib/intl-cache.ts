// Intl objects built once per key and kept: building a format (or asking a display name) costs
// far more than using one, and the views ask for the same few zones, currencies and languages
// in every cell of every render.
export class IntlCache<V> {
  readonly #made = new Map<string, V>();

  /** The value for `key`, built by `build` the first time it is asked for. */
  get(key: string, build: () => V): V {
    let value = this.#made.get(key);
    if (value === undefined) this.#made.set(key, (value = build()));
    return value;
  }
}
