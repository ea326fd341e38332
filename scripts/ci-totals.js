#!/usr/bin/env node
/*
 * Prints `tests: N passed, N failed` from jest's and Playwright's JSON reports.
 *
 *   node scripts/ci-totals.js <jest.json> [playwright-results.json...]
 *
 * A report that is missing or unreadable counts as one failed test, so a step
 * that crashed before writing its report can never look green.
 */
const fs = require('node:fs');

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function jestTotals(report) {
  if (!report) return { passed: 0, failed: 1 };
  // A suite that failed to run (syntax error, failing import) has no test results.
  const brokenSuites = (report.testResults ?? []).filter(
    suite =>
      suite.status === 'failed' && (suite.assertionResults ?? []).length === 0,
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenSuites,
  };
}

function playwrightTotals(report) {
  if (!report) return { passed: 0, failed: 1 };
  const stats = report.stats ?? {};
  const errors = (report.errors ?? []).length;
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + errors,
  };
}

const [jestFile, ...playwrightFiles] = process.argv.slice(2);
const parts = [
  jestTotals(readJson(jestFile)),
  ...playwrightFiles.map(file => playwrightTotals(readJson(file))),
];

const passed = parts.reduce((sum, p) => sum + p.passed, 0);
const failed = parts.reduce((sum, p) => sum + p.failed, 0);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
