/**
 * Where the Space-Track session cookie is shared. One process keeps it in its cookie jar only (the
 * local store below shares nothing); several instances share it through Redis
 * (server/state/redis-session.ts), so a second instance does not log in again and a 401 leads to
 * one new login for all.
 *
 * The cookie is a credential: implementations never log it and never put it in an error.
 */
export interface SessionStore {
  /** True when other instances use the same session: then no instance logs it out on shutdown. */
  readonly shared: boolean;
  /** The shared session cookie (serialised by tough-cookie), if one is known. */
  load(): Promise<string | undefined>;
  /** Share a new session cookie; it is forgotten after `ttlMs`. */
  save(cookie: string, ttlMs: number): Promise<void>;
  /** Forget the cookie Space-Track refused, unless another instance has shared a newer one meanwhile. */
  discard(cookie: string): Promise<void>;
  /**
   * Run `login` while no other instance runs its own (the boxscore's and the catalogue's fetches may
   * run at once on two instances): the second then finds the first one's session and adopts it.
   */
  exclusive<T>(login: () => Promise<T>): Promise<T>;
}

export const localSessionStore: SessionStore = {
  shared: false,
  load: async () => undefined,
  save: async () => undefined,
  discard: async () => undefined,
  exclusive: (login) => login(),
};
