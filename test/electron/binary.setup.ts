import { test as setup } from '@playwright/test';
import { ELECTRON, SKIP_REASON } from './fixture';

/** Runs once before the Electron tests: where they cannot run, says why in one line. */
setup('Electron binary', () => {
  if (!ELECTRON) console.log(`Electron tests skipped: ${SKIP_REASON}`);
});
