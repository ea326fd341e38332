/*
 * Writes the schemas the scaffolder module validates rendered manifests
 * against at request time: the definitions it needs, with their $ref closure,
 * extracted from the project's contracts (../shared/contracts beside the
 * repository, or the folder given as the first argument).
 *
 *   yarn tsx scripts/extract-manifest-schemas.ts [contracts-folder]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
// @ts-expect-error prettier 2 ships no type declarations
import prettier from 'prettier';
import { extractManifestSchemas } from '../plugins/tenancy-node/src/manifests/extractManifestSchemas';

const root = resolve(__dirname, '..');
const contracts = resolve(
  process.argv[2] ?? resolve(root, '../shared/contracts'),
);
const target = resolve(
  root,
  'plugins/tenancy-node/src/manifests/manifestSchemas.json',
);

async function main() {
  // Formatted as the repository's prettier check expects.
  const options = (await prettier.resolveConfig(target)) ?? {};
  const text: string = prettier.format(
    JSON.stringify(extractManifestSchemas(contracts)),
    { ...options, filepath: target },
  );
  writeFileSync(target, text);
  console.log(
    `${target}: ${Math.round(text.length / 1024)} KB from ${contracts}`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
