/*
 * Merges a provisioning request of the embedded default's local GitOps
 * repository, as a reviewer would merge a pull request.
 *
 *   yarn gitops:merge            # lists the requests
 *   yarn gitops:merge <number>   # merges request <number> into main
 *
 * The catalog picks the merged change up at its next refresh (20 s in the
 * embedded default). `--repo DIR` names another repository than .local/gitops-repo.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalGitPublisher } from '@tenancy-plugins/backstage-plugin-tenancy-node';

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      repo: {
        type: 'string',
        default: resolve(__dirname, '../.local/gitops-repo'),
      },
    },
    allowPositionals: true,
  });
  const publisher = await LocalGitPublisher.open({ path: values.repo! });
  if (positionals.length === 0) {
    const requests = await publisher.listRequests();
    if (requests.length === 0) process.stdout.write('no requests\n');
    for (const r of requests) {
      process.stdout.write(
        `#${r.number}  ${r.state.padEnd(6)}  ${r.branch}  ${r.title}\n`,
      );
    }
    return;
  }
  const merged = await publisher.merge(Number(positionals[0]));
  process.stdout.write(
    `merged #${merged.number} (${merged.branch}) into ${publisher.baseBranch}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.message ?? error}\n`);
  process.exit(1);
});
