import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { LocalGitPublisher } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refreshOpenRequests } from './refreshOpenRequests';

const project = (...namespaces: string[]) =>
  `kind: AppProject\nspec:\n  destinations:\n${namespaces
    .map(n => `    - name: dev-1\n      namespace: ${n}\n`)
    .join('')}`;

describe('refreshOpenRequests', () => {
  it('brings stale open requests up to date so each merges cleanly, and logs a refusal once', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'tenancy-refresh-'));
    await fs.mkdir(join(dir, 'seed/tenants/payments'), { recursive: true });
    await fs.writeFile(
      join(dir, 'seed/tenants/payments/appproject.yaml'),
      project('payments-dev'),
    );
    await fs.writeFile(
      join(dir, 'seed/tenants/payments/tenant.yaml'),
      'a: 0\n',
    );
    const path = join(dir, 'repo');
    const publisher = await LocalGitPublisher.open({
      path,
      seedFrom: join(dir, 'seed'),
    });
    const request = (name: string, files: Record<string, string>) =>
      publisher.publish({
        branch: `tenancy/payments/${name}`,
        title: name,
        body: '',
        files,
        fingerprint: name.replace(/[^0-9a-f]/g, '') || 'f',
        whenOpenDiffers: 'conflict',
      });
    const file = 'tenants/payments/appproject.yaml';
    const a = await request('a', {
      [file]: project('payments-a', 'payments-dev'),
    });
    await request('b', { [file]: project('payments-b', 'payments-dev') });
    const c1 = await request('c1', {
      'tenants/payments/tenant.yaml': 'a: 1\n',
    });
    await request('c2', { 'tenants/payments/tenant.yaml': 'a: 2\n' });
    // A reviewer merges two requests (as in the forge: no bringing up to date).
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: path, encoding: 'utf8' });
    git('merge', '--no-ff', '-q', '-m', 'a', 'tenancy/payments/a');
    git('merge', '--no-ff', '-q', '-m', 'c1', 'tenancy/payments/c1');
    const records = join(path, '.git/tenancy/requests.json');
    const list = JSON.parse(await fs.readFile(records, 'utf8'));
    for (const r of list) {
      if ([a.number, c1.number].includes(r.number)) r.state = 'merged';
    }
    await fs.writeFile(records, JSON.stringify(list));

    const logger = mockServices.logger.mock();
    const refusals = new Map<string, string>();
    await expect(
      refreshOpenRequests({ publisher, logger, refusals }),
    ).resolves.toEqual({
      'tenancy/payments/b': 'updated',
      'tenancy/payments/c2': 'refused',
    });
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('(tenancy/payments/b) up to date'),
    );
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /tenancy\/payments\/c2\) needs a person.*tenant\.yaml.*a: changed on both sides/,
      ),
    );
    // Merging b now is a plain merge and keeps both destinations.
    git('merge', '--no-ff', '-q', '-m', 'b', 'tenancy/payments/b');
    const merged = await publisher.readFile(file);
    for (const n of ['payments-a', 'payments-b', 'payments-dev']) {
      expect(merged).toContain(`namespace: ${n}\n`);
    }
    expect(git('status', '--porcelain')).toBe('');

    // The next run: nothing new, and the refusal is not logged again.
    await expect(
      refreshOpenRequests({ publisher, logger, refusals }),
    ).resolves.toMatchObject({ 'tenancy/payments/c2': 'refused' });
    expect(logger.warn).toHaveBeenCalledTimes(1);
  }, 30_000);

  it('logs other failures and goes on with the next request', async () => {
    const logger = mockServices.logger.mock();
    const publisher = {
      listRequests: jest.fn().mockResolvedValue([
        { number: 1, branch: 'tenancy/a/x', state: 'open' },
        { number: 2, branch: 'tenancy/a/y', state: 'open' },
        { number: 3, branch: 'tenancy/a/z', state: 'merged' },
      ]),
      bringUpToDate: jest
        .fn()
        .mockRejectedValueOnce(new Error('forge down'))
        .mockRejectedValueOnce(new ConflictError('tenant.yaml a: both')),
    };
    const history = { observe: jest.fn(async () => {}) };
    await expect(
      refreshOpenRequests({
        publisher: publisher as never,
        logger,
        refusals: new Map(),
        history,
      }),
    ).resolves.toEqual({ 'tenancy/a/x': 'failed', 'tenancy/a/y': 'refused' });
    // The one listing, merged request included, and the refusal found on
    // the way are what the history records.
    expect(history.observe).toHaveBeenCalledWith(
      await publisher.listRequests.mock.results[0].value,
      new Map([['tenancy/a/y', 'tenant.yaml a: both']]),
    );
    expect(publisher.listRequests).toHaveBeenCalledWith('tenancy/', {
      limit: 500,
    });
    expect(logger.error).toHaveBeenCalledWith(
      'Could not bring request #1 (tenancy/a/x) up to date: forge down',
    );
  });
});
