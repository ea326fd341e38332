/* eslint-disable jest/no-export -- a shared suite, called by each publisher's test */
import {
  changeProjectDestination,
  renderTenantAppProject,
  serializeManifests,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { parse } from 'yaml';
import { GitOpsPublisher } from '../types';
import { aChange } from './aChange';

/** A publisher over a repository seeded with files, and what a reviewer does. */
export interface StaleRequestSubject {
  publisher: GitOpsPublisher;
  /** Merges request `number` as a reviewer would; rejects on conflicts. */
  merge(number: number): Promise<void>;
  /** The base branch's head commit. */
  baseHead(): Promise<string>;
  /** A branch's tip commit and its parents. */
  tipOf(branch: string): Promise<{ commit: string; parents: string[] }>;
  /** Where a branch left the base branch (git merge-base). */
  forkPoint(branch: string): Promise<string>;
}

export const PROJECT_FILE = 'tenants/payments/appproject.yaml';
const TENANT_FILE = 'tenants/payments/tenant.yaml';

const baseProject = serializeManifests([
  renderTenantAppProject({
    tenant: 'payments',
    ssoGroup: 'group:default/payments',
    sourceRepos: ['https://github.com/acme/payments'],
    destinations: [{ cluster: 'dev-1', namespace: 'payments-dev' }],
  }),
]);
const withDestination = (namespace: string) =>
  serializeManifests([
    changeProjectDestination(parse(baseProject), {
      add: { cluster: 'dev-1', namespace },
    }),
  ]);
const destinationsOf = (text: string | undefined) =>
  parse(text ?? '').spec.destinations.map(
    (d: { namespace: string }) => d.namespace,
  );

/** A namespace request as the actions write it: its folder and the project. */
const namespaceRequest = (name: string, fingerprint: string) =>
  aChange({
    branch: `tenancy/payments/${name}`,
    fingerprint,
    requestedBy: 'user:default/alex',
    files: {
      [`tenants/payments/dev/${name}/namespace.yaml`]: `kind: Namespace\nmetadata:\n  name: ${name}\n`,
      [PROJECT_FILE]: withDestination(name),
    },
  });

/**
 * Concurrent requests for one tenant, all built from the same base: after
 * one is merged, the others are behind and rewrite the same AppProject.
 * Every publisher must bring them up to date so they merge cleanly, keep
 * every destination, and refuse (writing nothing) what needs a person.
 */
export function describeStaleRequestCases(
  name: string,
  setUp: (files: Record<string, string>) => Promise<StaleRequestSubject>,
  /** `one-per-file`: the forge's API writes a commit per file (Bitbucket Server). */
  options: { commits?: 'one-per-file' } = {},
) {
  describe(`${name} (requests behind the base branch)`, () => {
    const seed = {
      [TENANT_FILE]: 'kind: Tenant\nspec:\n  owner: group:default/payments\n',
      [PROJECT_FILE]: baseProject,
    };

    it('brings a stale request up to date so it merges cleanly and keeps both destinations', async () => {
      const subject = await setUp(seed);
      const { publisher } = subject;
      const first = await publisher.publish(
        namespaceRequest('payments-a', 'fa'),
      );
      const second = await publisher.publish(
        namespaceRequest('payments-b', 'fb'),
      );
      await expect(publisher.bringUpToDate(first.branch)).resolves.toBe(
        'current',
      );
      await subject.merge(first.number);

      await expect(publisher.bringUpToDate(second.branch)).resolves.toBe(
        'updated',
      );
      // Built on the base head again (one commit), holding both destinations.
      const baseHead = await subject.baseHead();
      await expect(subject.forkPoint(second.branch)).resolves.toBe(baseHead);
      // Bitbucket Server writes a commit per file: only the first is on the base.
      const { parents } = await subject.tipOf(second.branch);
      const oneCommit = parents.length === 1 && parents[0] === baseHead;
      expect(oneCommit).toBe(options.commits !== 'one-per-file');
      expect(
        destinationsOf(
          await publisher.readFile(PROJECT_FILE, { ref: second.branch }),
        ),
      ).toEqual(['payments-a', 'payments-b', 'payments-dev']);
      await expect(publisher.bringUpToDate(second.branch)).resolves.toBe(
        'current',
      );
      await expect(publisher.findRequest(second.branch)).resolves.toMatchObject(
        {
          number: second.number,
          fingerprint: 'fb',
          state: 'open',
          requestedBy: 'user:default/alex',
        },
      );

      await subject.merge(second.number);
      await expect(publisher.readFile(PROJECT_FILE)).resolves.toBe(
        serializeManifests([
          changeProjectDestination(parse(withDestination('payments-a')), {
            add: { cluster: 'dev-1', namespace: 'payments-b' },
          }),
        ]),
      );
      await expect(
        publisher.exists('tenants/payments/dev/payments-b/namespace.yaml'),
      ).resolves.toBe(true);
    });

    it('refuses a request that changes what the base branch changed meanwhile, writing nothing', async () => {
      const subject = await setUp(seed);
      const { publisher } = subject;
      const owner = (o: string, fingerprint: string, branch: string) =>
        aChange({
          branch,
          fingerprint,
          files: { [TENANT_FILE]: `kind: Tenant\nspec:\n  owner: ${o}\n` },
        });
      const first = await publisher.publish(
        owner('group:default/a', 'fa', 'tenancy/payments/owner-a'),
      );
      const second = await publisher.publish(
        owner('group:default/b', 'fb', 'tenancy/payments/owner-b'),
      );
      await subject.merge(first.number);
      const before = await subject.tipOf(second.branch);

      await expect(publisher.bringUpToDate(second.branch)).rejects.toThrow(
        /tenants\/payments\/tenant\.yaml.*spec\.owner: changed on both sides/,
      );
      await expect(subject.tipOf(second.branch)).resolves.toEqual(before);
      await expect(publisher.readFile(TENANT_FILE)).resolves.toContain(
        'group:default/a',
      );
    });
  });
}
