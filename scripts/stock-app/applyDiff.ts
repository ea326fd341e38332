/**
 * Applies the body of a README's diff block to a file's text. Lines are compared with their
 * indentation trimmed. A run of context (` `) or removed (`-`) lines must appear, contiguous,
 * after the previous run; removed lines are deleted; added (`+`) lines are inserted before the
 * next context or removed run, or after the last one. Throws naming `file` when a run is
 * missing.
 */
export function applyDiff(text: string, diff: string[], file: string): string {
  const lines = text.split('\n');
  let cursor = 0;
  let pending: string[] = [];
  for (const run of runsOf(diff)) {
    if (run.op === '+') {
      pending = run.lines;
      continue;
    }
    const at = findRun(lines, run.lines, cursor);
    if (at < 0) {
      throw new Error(
        `${file}: expected to find, after line ${cursor}:\n${run.lines.join(
          '\n',
        )}`,
      );
    }
    lines.splice(at, 0, ...pending);
    cursor = at + pending.length;
    pending = [];
    if (run.op === '-') {
      lines.splice(cursor, run.lines.length);
    } else {
      cursor += run.lines.length;
    }
  }
  lines.splice(cursor, 0, ...pending);
  return lines.join('\n');
}

function runsOf(diff: string[]): { op: string; lines: string[] }[] {
  const runs: { op: string; lines: string[] }[] = [];
  for (const line of diff) {
    const op = line[0] === '+' || line[0] === '-' ? line[0] : ' ';
    const content = line.slice(1);
    const last = runs[runs.length - 1];
    if (last?.op === op) last.lines.push(content);
    else runs.push({ op, lines: [content] });
  }
  return runs;
}

function findRun(lines: string[], run: string[], from: number): number {
  for (let at = from; at + run.length <= lines.length; at++) {
    if (run.every((line, k) => lines[at + k].trim() === line.trim())) {
      return at;
    }
  }
  return -1;
}
