/*
 * Starts a benchmark backend entry point (a .ts file run with tsx) in its own
 * process, and reads its peak resident memory.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';

/** A running backend: its process and the last 4,000 characters of its stderr. */
export interface SpawnedBackend {
  child: ChildProcess;
  stderr(): string;
}

export function spawnBackend(
  entry: string,
  configFile: string,
  env: Record<string, string> = {},
): SpawnedBackend {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', entry, '--config', configFile],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    },
  );
  let stderr = '';
  child.stderr!.on('data', d => {
    stderr = (stderr + d).slice(-4000);
  });
  return { child, stderr: () => stderr };
}

/** Peak resident memory (`VmHWM`) of a process, in MiB. */
export async function peakMemoryMiB(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
