// Preloaded into @backstage/create-app by scripts/stock-app.sh (NODE_OPTIONS=--require).
// create-app fetches its yarn.lock seed from GitHub with the global fetch
// (fetchYarnLockSeedTask; without it, it keeps its template's yarn.lock). The stock app is
// created offline: the seed comes from seed-yarn.lock next to this file, and any other
// fetch is refused.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

globalThis.fetch = async input => {
  if (String(input).endsWith('/packages/create-app/seed-yarn.lock')) {
    return new Response(
      readFileSync(join(__dirname, 'seed-yarn.lock'), 'utf8'),
    );
  }
  throw new Error(`offline: refused to fetch ${input}`);
};
