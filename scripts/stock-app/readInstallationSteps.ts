import { readFileSync } from 'node:fs';

/** One step of a README's "Installation" section, as `scripts/stock-app.sh` applies it. */
export type InstallationStep =
  | { kind: 'command'; cwd: string; verb: 'add' | 'remove'; packages: string[] }
  | { kind: 'diff'; file: string; lines: string[] }
  | { kind: 'config'; file: string; yaml: string };

const COMMAND = /^yarn --cwd (\S+) (add|remove) (\S+(?: \S+)*)$/;

/**
 * The steps of the `## Installation` section of a package README, up to its first `###`
 * sub-heading (which holds alternatives for other apps): every fenced block, in order.
 * `sh` blocks hold `yarn --cwd <dir> add|remove <packages>` lines; `diff` blocks start with
 * `--- <file>` / `+++ <file>`; `yaml` blocks start with `# <config file>`. Any other block,
 * or a line of these that does not have that shape, is an error naming the README and the line:
 * the section must say exactly what the script does.
 */
export function readInstallationSteps(readme: string): InstallationStep[] {
  const lines = readFileSync(readme, 'utf8').split('\n');
  const start = lines.indexOf('## Installation');
  if (start < 0) {
    throw new Error(`${readme}: no "## Installation" section`);
  }
  const steps: InstallationStep[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    if (/^##/.test(lines[i])) break;
    const fence = /^(\s*)```(\S*)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const [, indent, lang] = fence;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) {
      body.push(lines[i].slice(indent.length));
    }
    if (i >= lines.length) {
      throw new Error(`${readme}: unterminated \`\`\`${lang} block`);
    }
    const where = `${readme}, line ${i - body.length}`;
    steps.push(...blockSteps(lang, body, where));
  }
  return steps;
}

function blockSteps(
  lang: string,
  body: string[],
  where: string,
): InstallationStep[] {
  if (lang === 'sh') {
    return body
      .filter(line => line.trim() !== '')
      .map(line => {
        const m = COMMAND.exec(line.trim());
        if (!m) {
          throw new Error(
            `${where}: "${line}" is not "yarn --cwd <dir> add|remove <packages>"`,
          );
        }
        return {
          kind: 'command',
          cwd: m[1],
          verb: m[2] as 'add' | 'remove',
          packages: m[3].split(' '),
        };
      });
  }
  if (lang === 'diff') {
    const from = /^--- (\S+)$/.exec(body[0] ?? '');
    const to = /^\+\+\+ (\S+)$/.exec(body[1] ?? '');
    if (!from || !to || from[1] !== to[1]) {
      throw new Error(
        `${where}: a diff block starts with "--- <file>" and "+++ <file>"`,
      );
    }
    return [{ kind: 'diff', file: from[1], lines: body.slice(2) }];
  }
  if (lang === 'yaml') {
    const file = /^# (\S+\.yaml)$/.exec(body[0] ?? '');
    if (!file) {
      throw new Error(
        `${where}: a yaml block starts with "# <config file>", e.g. "# app-config.yaml"`,
      );
    }
    return [{ kind: 'config', file: file[1], yaml: body.slice(1).join('\n') }];
  }
  throw new Error(
    `${where}: a \`\`\`${lang} block in the Installation section; only sh, diff and yaml ` +
      'blocks are steps (alternatives go under a ### heading)',
  );
}
