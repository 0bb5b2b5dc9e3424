/**
 * Snapshots can arrive out of order (a late answer, a reconnect): only a higher revision replaces what is shown.
 * A new connection may be to a restarted agent whose revisions start again at 0, so its first snapshot is always
 * taken (the agent sends the current snapshot first on every connection).
 */
export class RevisionGate {
  #last: number | null = null;

  /** Call when a new event-stream connection opens. */
  reset(): void {
    this.#last = null;
  }

  /** True when a snapshot with this revision should replace the current one. */
  admit(revision: number): boolean {
    if (this.#last !== null && revision <= this.#last) return false;
    this.#last = revision;
    return true;
  }
}
