import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';

/**
 * End-to-end tests of the embedded default.
 *
 * Locally (`yarn test:e2e`) Playwright starts `yarn start` (app on :3000, backend on :7007).
 * In CI (`CI=true`), `.ci/run` starts the backend, which serves the production build of the
 * app on :7007, and Playwright only drives the browser.
 *
 * Browsers: Debian's `chromium` (or the binary named by `CHROMIUM_PATH`) when present,
 * otherwise the browsers installed by `npx playwright install`.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const systemChromium = existsSync(chromiumPath)
  ? {
      channel: undefined,
      launchOptions: {
        executablePath: chromiumPath,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }
  : { channel: 'chromium' };

export default defineConfig({
  timeout: 60_000,

  expect: {
    timeout: 30_000,
  },

  webServer: process.env.CI
    ? []
    : [
        {
          command: 'yarn start app',
          url: 'http://localhost:3000',
          reuseExistingServer: true,
          timeout: 180_000,
        },
        {
          command: 'yarn start backend',
          port: 7007,
          reuseExistingServer: true,
          timeout: 120_000,
        },
      ],

  forbidOnly: !!process.env.CI,

  retries: process.env.CI ? 1 : 0,

  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report/html' }],
    ['json', { outputFile: 'e2e-test-report/results.json' }],
  ],

  use: {
    actionTimeout: 0,
    viewport: { width: 1440, height: 900 },
    baseURL:
      process.env.PLAYWRIGHT_URL ??
      (process.env.CI ? 'http://localhost:7007' : 'http://localhost:3000'),
    screenshot: 'only-on-failure',
    trace: 'on-first-retry',
  },

  // Screenshots of every page the tests visit, and traces of failures.
  outputDir: 'e2e-test-results',

  projects: generateProjects().map(project => ({
    ...project,
    use: { ...project.use, ...systemChromium },
  })),
});
