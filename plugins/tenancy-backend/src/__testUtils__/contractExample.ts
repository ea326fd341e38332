import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A sample payload from `/contracts/<upstream>/examples`. */
export function contractExample(path: string): any {
  return JSON.parse(
    readFileSync(resolve(__dirname, '../../../../contracts', path), 'utf8'),
  );
}
