import { MessageChannelMain, utilityProcess, type UtilityProcess } from 'electron';
import { createInterface } from 'node:readline';
import type { Result } from '../core/api/handler.js';
import type { Logger } from '../core/log/logger.js';
import { CoreClient, CORE_GONE, type HostServices } from '../core/port/core-client.js';
import { electronPort } from '../core/port/port.js';
import type { CoreConfig } from '../core/port/protocol.js';

/** At most this many restarts in RESTART_WINDOW_MS; a core that keeps dying stays down and says so. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

/**
 * The core in an Electron utilityProcess, as Signal runs its database in a worker: the store,
 * SQL, backups and sync never block the main process, so no window freezes. The main
 * process keeps windows, printing and the keychain, and serves them to the core as host
 * calls. If the core process dies it is started again (the windows' sessions then start
 * signed out, which the renderer's status poll shows as the login screen).
 */
export class CoreProcess {
  private child: UtilityProcess | null = null;
  private client: CoreClient | null = null;
  private ready: Promise<boolean> = Promise.resolve(false);
  private stopping = false;
  private readonly restarts: number[] = [];

  constructor(
    private readonly entry: string,
    private readonly config: CoreConfig,
    private readonly host: HostServices,
    private readonly log: Logger,
  ) {}

  start(): Promise<boolean> {
    const child = utilityProcess.fork(this.entry, [], { serviceName: 'AiMedLab desk core', stdio: 'pipe' });
    const { port1, port2 } = new MessageChannelMain();
    const client = new CoreClient({ port: electronPort(port1), host: this.host, onLog: (level, event, fields) => this.log.log(level, event, fields) });
    child.postMessage({ type: 'port' }, [port2]);
    // Whatever the core prints (a native crash report, a library's warning) goes through the
    // log's redaction, never straight to a file.
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => this.log.log('warn', 'core.output', { line: line.slice(0, 200) }));
    }
    child.once('exit', (code) => this.exited(child, client, code));
    this.child = child;
    this.client = client;
    this.ready = client.start(this.config).then(
      () => true,
      () => {
        this.log.log('error', 'core.initFailed', {});
        return false;
      },
    );
    return this.ready;
  }

  async call(session: string, method: string, payload: unknown): Promise<Result<unknown>> {
    if (!(await this.ready) || !this.client) return CORE_GONE;
    return this.client.call(session, method, payload);
  }

  endSession(session: string): void {
    this.client?.endSession(session);
  }

  /** The OS locked the screen or is going to sleep: every signed-in window locks. */
  lockAll(reason: 'os-lock' | 'suspend'): void {
    this.log.log('info', 'session.lockAll', { reason });
    this.client?.lockAll(reason);
  }

  /** Closes the store cleanly before the app quits (bounded: a hung core does not hold the app). */
  async stop(timeoutMs = 5_000): Promise<void> {
    this.stopping = true;
    const client = this.client;
    if (client) await Promise.race([client.shutdown(), new Promise((r) => setTimeout(r, timeoutMs))]);
    this.child?.kill();
  }

  private exited(child: UtilityProcess, client: CoreClient, code: number): void {
    client.disconnected();
    if (this.child !== child || this.stopping) return;
    this.log.log('error', 'core.exited', { code });
    const now = Date.now();
    while (this.restarts.length && now - this.restarts[0]! > RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS) {
      this.log.log('error', 'core.givingUp', { restarts: this.restarts.length });
      this.ready = Promise.resolve(false);
      return;
    }
    this.restarts.push(now);
    void this.start();
  }
}
