import { defineConfig } from '@playwright/test';

/**
 * Two projects:
 * - `harness`: the built renderer in Debian's Chromium, talking to the core through the
 *   browser harness (electron/loopback). Needs `npm run build:renderer` first.
 * - `electron`: the packaged shell itself (test/electron).
 *
 * Chromium comes from the system (/usr/bin/chromium); Playwright never downloads browsers here.
 */
export default defineConfig({
  workers: 2,
  // One retry on CI only: the CI machine also builds and runs the unit suites, and a timing-bound
  // UI step there may need a second go; locally every flake shows.
  retries: process.env.CI ? 1 : 0,
  // Every test starts its own core on its own port, so tests of one file may run side by side.
  fullyParallel: true,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  projects: [
    {
      name: 'harness',
      testDir: 'test/e2e',
      use: {
        viewport: { width: 1366, height: 768 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-default-apps',
            '--disable-features=Translate,OptimizationHints,MediaRouter',
          ],
        },
      },
    },
    // The real app (test/electron). Where the Electron binary cannot be downloaded, the setup
    // step prints the one reason and every Electron test skips.
    { name: 'electron-binary', testDir: 'test/electron', testMatch: 'binary.setup.ts' },
    {
      name: 'electron',
      testDir: 'test/electron',
      dependencies: ['electron-binary'],
    },
  ],
});
