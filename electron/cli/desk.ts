import { fileURLToPath } from 'node:url';
import { DeskCore } from '../core/desk.js';
import { requireString, scryptCostOption, type OptionValues } from './args.js';

/**
 * A DeskCore for the command line. It has no OS keychain seal (that lives in Electron), so
 * a keyring the app sealed with the keychain cannot be opened here: `store.sealedByOs`.
 */
export function cliDesk(values: OptionValues): DeskCore {
  const scryptCost = scryptCostOption(values);
  return new DeskCore({
    dataDir: requireString(values, 'data'),
    resourcesDir: fileURLToPath(new URL('../../resources', import.meta.url)),
    sealer: null,
    ...(scryptCost ? { scryptCost } : {}),
  });
}

export async function withDesk<T>(values: OptionValues, run: (desk: DeskCore) => Promise<T>): Promise<T> {
  const desk = cliDesk(values);
  try {
    return await run(desk);
  } finally {
    desk.close();
  }
}
