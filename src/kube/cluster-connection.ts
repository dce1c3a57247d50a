/**
 * The live connection kx holds: the loaded kubeconfig and the current KubeSession, replaceable at
 * runtime (switch context or namespace without restarting). Subscribers hear about every switch.
 */
import type { ContextInfo, KubeconfigLocation, LoadedKubeconfig } from './kubeconfig.ts';
import { loadKubeconfig } from './kubeconfig.ts';
import type { KubeSession } from './session.ts';
import { openSession } from './session.ts';

/** What to open: where the kubeconfig is and the --context / -n choices. */
export interface ConnectOptions extends KubeconfigLocation {
  context?: string | undefined;
  namespace?: string | undefined;
  /** Check the namespace against the API before accepting it (default false, like kubectl). */
  verifyNamespace?: boolean;
}

/** Holds the current session; useContext/useNamespace replace it and notify subscribers. */
export class ClusterConnection {
  #kubeconfig: LoadedKubeconfig;
  #session: KubeSession;
  readonly #listeners = new Set<(session: KubeSession) => void>();
  readonly #location: KubeconfigLocation;

  private constructor(location: KubeconfigLocation, kubeconfig: LoadedKubeconfig, session: KubeSession) {
    this.#location = location;
    this.#kubeconfig = kubeconfig;
    this.#session = session;
  }

  /** Loads the kubeconfig and opens the chosen context; throws KxError with one sentence. */
  static async open(opts: ConnectOptions = {}): Promise<ClusterConnection> {
    const location: KubeconfigLocation = { kubeconfig: opts.kubeconfig, ...(opts.env ? { env: opts.env } : {}), ...(opts.home ? { home: opts.home } : {}) };
    const kubeconfig = loadKubeconfig(location);
    const session = await openSession(kubeconfig, { context: opts.context, namespace: opts.namespace });
    if (opts.verifyNamespace && opts.namespace) {
      try {
        await session.checkNamespace(opts.namespace);
      } catch (err) {
        await session.close();
        throw err;
      }
    }
    return new ClusterConnection(location, kubeconfig, session);
  }

  /** The current session (context + namespace + client). */
  get session(): KubeSession {
    return this.#session;
  }

  /** Every context in the merged kubeconfig, `current` marking the one in use. */
  contexts(): ContextInfo[] {
    return this.#kubeconfig.contexts.map((c) => ({ ...c, current: c.name === this.#session.context.name }));
  }

  /** Switches to another context (re-reading the kubeconfig files); the old session is closed once the new one is open. */
  async useContext(name: string, opts: { namespace?: string } = {}): Promise<KubeSession> {
    const kubeconfig = loadKubeconfig(this.#location);
    const next = await openSession(kubeconfig, { context: name, namespace: opts.namespace });
    const previous = this.#session;
    this.#kubeconfig = kubeconfig;
    this.#replace(next);
    // Not awaited: closing waits for the old client's open watches, which the subscribers stop
    // only once they hear about the new session (right after this returns).
    void previous.close().catch(() => undefined);
    return next;
  }

  /**
   * A session of another context of the same kubeconfig files, beside the current one (a view of
   * several contexts); the caller closes it. The current session is not touched.
   */
  async openContext(name: string, opts: { namespace?: string } = {}): Promise<KubeSession> {
    return openSession(loadKubeconfig(this.#location), { context: name, namespace: opts.namespace });
  }

  /** Switches the default namespace; with verify (default true) an unknown namespace throws KxError('config'). */
  async useNamespace(namespace: string, opts: { verify?: boolean } = {}): Promise<KubeSession> {
    if (opts.verify !== false) await this.#session.checkNamespace(namespace);
    const next = this.#session.withNamespace(namespace);
    this.#replace(next);
    return next;
  }

  /** Calls `listener` with the new session after every switch; returns unsubscribe. */
  subscribe(listener: (session: KubeSession) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Closes the current session's connections. */
  async close(): Promise<void> {
    this.#listeners.clear();
    await this.#session.close();
  }

  #replace(next: KubeSession): void {
    this.#session = next;
    for (const listener of [...this.#listeners]) listener(next);
  }
}
