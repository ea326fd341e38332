import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMap, parseDocument } from 'yaml';
import { applyDiff } from './applyDiff';
import {
  InstallationStep,
  readInstallationSteps,
} from './readInstallationSteps';

const usage =
  'usage: tsx scripts/stock-app/installFromReadmes.ts --app <dir> --packs <dir> <README.md>...';

/** Package name -> tarball, read from the package.json inside each `*.tgz` of `dir`. */
function readPacks(dir: string): Map<string, string> {
  const packs = new Map<string, string>();
  for (const file of readdirSync(dir).filter(f => f.endsWith('.tgz'))) {
    const tgz = resolve(dir, file);
    const pkg = JSON.parse(
      execFileSync('tar', ['-xzOf', tgz, 'package/package.json'], {
        encoding: 'utf8',
      }),
    );
    packs.set(pkg.name, tgz);
  }
  return packs;
}

/**
 * The registry stand-in: the packed packages are not published, so the app resolves every one
 * of them (also where a packed package depends on another) to its tarball.
 */
function resolveToTarballs(app: string, packs: Map<string, string>) {
  const file = join(app, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  pkg.resolutions = { ...pkg.resolutions };
  for (const [name, tgz] of packs) pkg.resolutions[name] = `file:${tgz}`;
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
}

function mergeConfig(file: string, snippet: string) {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const visit = (path: string[], node: unknown) => {
    if (isMap(node)) {
      for (const item of node.items) {
        visit(
          [...path, String((item.key as { value: unknown }).value)],
          item.value,
        );
      }
    } else {
      doc.setIn(path, node);
    }
  };
  visit([], parseDocument(snippet).contents);
  writeFileSync(file, doc.toString());
}

function apply(
  step: InstallationStep,
  app: string,
  packs: Map<string, string>,
) {
  if (step.kind === 'command') {
    const args = step.packages.map(name =>
      packs.has(name) ? `${name}@file:${packs.get(name)}` : name,
    );
    console.log(
      `$ yarn --cwd ${step.cwd} ${step.verb} ${step.packages.join(' ')}`,
    );
    execFileSync('yarn', ['--cwd', step.cwd, step.verb, ...args], {
      cwd: app,
      stdio: 'inherit',
    });
  } else if (step.kind === 'diff') {
    console.log(`~ ${step.file}\n${step.lines.join('\n')}`);
    const file = join(app, step.file);
    writeFileSync(
      file,
      applyDiff(readFileSync(file, 'utf8'), step.lines, step.file),
    );
  } else {
    console.log(`~ ${step.file}\n${step.yaml}`);
    mergeConfig(join(app, step.file), step.yaml);
  }
}

/**
 * Installs the packed plugins into an app by following the "Installation" sections of their
 * READMEs (`readInstallationSteps`), with each packed package resolved to its tarball.
 */
function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { app: { type: 'string' }, packs: { type: 'string' } },
  });
  if (!values.app || !values.packs || positionals.length === 0) {
    throw new Error(usage);
  }
  const app = resolve(values.app);
  const packs = readPacks(values.packs);
  const steps = positionals.map(readme => ({
    readme,
    steps: readInstallationSteps(readme),
  }));
  resolveToTarballs(app, packs);
  for (const { readme, steps: readmeSteps } of steps) {
    console.log(`::: ${readme}: ${readmeSteps.length} step(s)`);
    for (const step of readmeSteps) apply(step, app, packs);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  console.error(`installFromReadmes: ${(e as Error).message}`);
  process.exit(1);
}
