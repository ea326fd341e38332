import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * The checks of the stock app that scripts/stock-app.sh builds and starts: its backend serves
 * the production build of its frontend on STOCK_APP_URL. Debian's chromium (or CHROMIUM_PATH)
 * when present, otherwise Playwright's own build.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const reportDir = process.env.STOCK_APP_REPORT_DIR ?? 'stock-app-report';

export default defineConfig({
  testDir: '.',
  testMatch: 'stockApp.test.ts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: `${reportDir}/results.json` }]],
  outputDir: `${reportDir}/results`,
  use: {
    baseURL: process.env.STOCK_APP_URL ?? 'http://localhost:7027',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    ...(existsSync(chromiumPath)
      ? {
          launchOptions: {
            executablePath: chromiumPath,
            args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
          },
        }
      : { channel: 'chromium' }),
  },
});
