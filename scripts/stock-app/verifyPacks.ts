import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Checks every `*.tgz` in the folder given as argument as a published package: `main`, `module`,
 * `types` and every file `exports` names are built files (`dist/`) inside the tarball. A pack
 * made from an unbuilt package (no `dist/`, or no `dist/index.d.ts`) would otherwise point at
 * `src/` and fail only in the app. Prints one line per package; exits 1 naming the package and
 * the field.
 */
function verifyPack(tgz: string): string[] {
  const files = new Set(
    execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8' })
      .split('\n')
      .map(f => f.replace(/^package\//, '')),
  );
  const pkg = JSON.parse(
    execFileSync('tar', ['-xzOf', tgz, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  const targets: [string, string][] = [];
  for (const field of ['main', 'module', 'types']) {
    if (pkg[field]) targets.push([field, pkg[field]]);
  }
  const visit = (path: string, value: unknown) => {
    if (typeof value === 'string') targets.push([path, value]);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key !== 'backstage') visit(`${path}["${key}"]`, v);
      }
    }
  };
  visit('exports', pkg.exports);
  if (!pkg.types) targets.push(['types', '(missing)']);
  return targets
    .map(([field, target]) => [field, target.replace(/^\.\//, '')])
    .filter(
      ([, target]) =>
        target !== 'package.json' &&
        (!target.startsWith('dist/') || !files.has(target)),
    )
    .map(
      ([field, target]) =>
        `${pkg.name}: ${field} is "${target}", not a built file (dist/) in the package`,
    );
}

const dir = process.argv[2];
const problems = readdirSync(dir)
  .filter(f => f.endsWith('.tgz'))
  .flatMap(f => {
    const found = verifyPack(resolve(dir, f));
    console.log(`${f}: ${found.length === 0 ? 'ok' : 'NOT publishable'}`);
    return found;
  });
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
