/**
 * Moves every `@backstage/*` dependency of a Backstage monorepo to the newest
 * version on the npm registry, for machines where `backstage-cli versions:bump`
 * cannot reach the release manifest service:
 *
 *   yarn backstage:bump [--dir <repo>] [--release <x.y.z>]
 *
 * Reads the root package.json and every workspace package.json (`packages/*`,
 * `plugins/*`), asks the registry (`npm view <pkg> version`) once per package,
 * writes `^<version>` into dependencies, devDependencies and peerDependencies
 * (workspace ranges stay) and, with `--release`, the version into
 * `backstage.json`. Run `yarn install` and `yarn dedupe '@backstage/*'`
 * afterwards. Packages whose newest release is older than the rest of the
 * release line stay where the registry has them; the README's "Dependency
 * pins" section says how this repository handles them.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sections = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
] as const;

type Manifest = Partial<
  Record<(typeof sections)[number], Record<string, string>>
>;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

function manifestsOf(dir: string): string[] {
  const files = [join(dir, 'package.json')];
  for (const parent of ['packages', 'plugins']) {
    const root = join(dir, parent);
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root).sort()) {
      const file = join(root, name, 'package.json');
      if (existsSync(file)) files.push(file);
    }
  }
  return files;
}

async function newestVersions(names: string[]): Promise<Map<string, string>> {
  const versions = new Map<string, string>();
  const queue = [...names];
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const { stdout } = await run('npm', ['view', name, 'version']);
      versions.set(name, stdout.trim());
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return versions;
}

async function main() {
  const dir = option('--dir') ?? process.cwd();
  const release = option('--release');
  const files = manifestsOf(dir);
  const manifests = files.map(
    file => JSON.parse(readFileSync(file, 'utf8')) as Manifest,
  );
  const names = new Set<string>();
  for (const manifest of manifests) {
    for (const section of sections) {
      for (const [name, range] of Object.entries(manifest[section] ?? {})) {
        if (name.startsWith('@backstage/') && !range.startsWith('workspace:')) {
          names.add(name);
        }
      }
    }
  }
  const versions = await newestVersions([...names].sort());
  let changed = 0;
  manifests.forEach((manifest, i) => {
    let touched = false;
    for (const section of sections) {
      const deps = manifest[section] ?? {};
      for (const [name, range] of Object.entries(deps)) {
        const version = versions.get(name);
        if (!version || range.startsWith('workspace:')) continue;
        if (range !== `^${version}`) {
          deps[name] = `^${version}`;
          touched = true;
          changed += 1;
        }
      }
    }
    if (touched) {
      writeFileSync(files[i], `${JSON.stringify(manifest, null, 2)}\n`);
    }
  });
  if (release) {
    writeFileSync(
      join(dir, 'backstage.json'),
      `${JSON.stringify({ version: release }, null, 2)}\n`,
    );
  }
  console.log(
    `bumpBackstage: ${
      names.size
    } @backstage packages, ${changed} ranges changed in ${
      files.length
    } package.json files${release ? `, backstage.json ${release}` : ''}`,
  );
}

main().catch(error => {
  console.error(`bumpBackstage: ${error.message ?? error}`);
  process.exit(1);
});
