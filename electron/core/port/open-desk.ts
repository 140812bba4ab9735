import { DeskCore, type DeskOptions } from '../desk.js';
import type { Logger } from '../log/logger.js';
import { createSyncService } from '../sync/service.js';
import { printOverPort, sealerOverPort } from './host-adapters.js';
import type { HostClient } from './host-client.js';
import type { CoreConfig } from './protocol.js';

/**
 * The desk as the core process runs it: the store and everything else here, printing and
 * the keychain by host calls to the main process. `extra` lets tests lower scrypt's cost.
 */
export function openDeskFromConfig(config: CoreConfig, host: HostClient, log: Logger, extra: Partial<DeskOptions> = {}): DeskCore {
  return new DeskCore({
    dataDir: config.dataDir,
    resourcesDir: config.resourcesDir,
    sealer: config.keychain?.usable ? sealerOverPort(host, config.keychain.backend) : null,
    ...(config.keychain ? { keychainBackend: config.keychain.backend } : {}),
    print: printOverPort(host, config.paper),
    sync: createSyncService,
    log,
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
    ...(config.vacuumWorker ? { workers: { vacuum: config.vacuumWorker } } : {}),
    ...extra,
  });
}
