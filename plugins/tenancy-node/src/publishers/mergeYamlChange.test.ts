import {
  changeProjectDestination,
  changeVClusterProjectFile,
  ProjectDestination,
  renderTenantAppProject,
  serializeManifests,
  VCLUSTER_PROJECT_FILE,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import fc from 'fast-check';
import { parse } from 'yaml';
import { mergeYamlChange } from './mergeYamlChange';

const file = 'tenants/payments/appproject.yaml';

const project = (destinations: ProjectDestination[]) =>
  renderTenantAppProject({
    tenant: 'payments',
    ssoGroup: 'group:default/payments',
    sourceRepos: ['https://github.com/acme/payments'],
    destinations,
  });

const text = (destinations: ProjectDestination[]) =>
  serializeManifests([project(destinations)]);

/** A namespace request's edit of the file: one destination added or removed. */
const edit = (
  base: string,
  change: { add?: ProjectDestination; remove?: ProjectDestination },
) => serializeManifests([changeProjectDestination(parse(base), change)]);

/** Merges requests one after another, each onto what the previous ones left. */
function mergeInOrder(base: string, requests: string[]) {
  let current = base;
  for (const request of requests) {
    const result = mergeYamlChange({ file, base, request, current });
    if (!result.merged) throw new Error(`${result.at}: ${result.reason}`);
    current = result.text!;
  }
  return current;
}

const destination = fc.record({
  cluster: fc.constantFrom('dev-1', 'prod-1', 'prod-2'),
  namespace: fc
    .stringMatching(/^[a-z][a-z0-9]{0,6}$/)
    .map(n => `payments-${n}`),
});
const key = (d: ProjectDestination) => `${d.cluster}/${d.namespace}`;
const uniqueDestinations = (min: number, max: number) =>
  fc.uniqueArray(destination, {
    minLength: min,
    maxLength: max,
    selector: key,
  });

describe('mergeYamlChange', () => {
  it('keeps every destination when concurrent namespace requests are merged in any order', () => {
    fc.assert(
      fc.property(
        uniqueDestinations(1, 12).chain(all =>
          fc.record({
            all: fc.constant(all),
            existing: fc.integer({ min: 0, max: all.length - 1 }),
            order: fc.shuffledSubarray(
              all.map((_, i) => i),
              { minLength: all.length, maxLength: all.length },
            ),
          }),
        ),
        ({ all, existing, order }) => {
          const initial = all.slice(0, existing);
          const added = all.slice(existing);
          const base = text(initial);
          const requests = added.map(add => edit(base, { add }));
          const indexes = order.filter(i => i < requests.length);

          const merged = mergeInOrder(
            base,
            indexes.map(i => requests[i]),
          );

          // What the renderer writes for all of them, byte for byte.
          expect(merged).toBe(text(all));
        },
      ),
    );
  });

  it('applies concurrent removals (decommissions) and additions together', () => {
    fc.assert(
      fc.property(
        uniqueDestinations(2, 10),
        uniqueDestinations(1, 5),
        fc.integer({ min: 1 }),
        (initial, candidates, seed) => {
          const added = candidates.filter(
            c => !initial.some(d => key(d) === key(c)),
          );
          const removed = initial.filter((_, i) => (seed >> i) & 1);
          const base = text(initial);
          const requests = [
            ...added.map(add => edit(base, { add })),
            ...removed.map(remove => edit(base, { remove })),
          ].reverse();

          const merged = mergeInOrder(base, requests);

          const expected = [
            ...initial.filter(d => !removed.includes(d)),
            ...added,
          ];
          expect(merged).toBe(text(expected));
        },
      ),
    );
  });

  it('keeps every vCluster of concurrent vCluster requests in the platform project', () => {
    const vcluster = (n: number) => ({
      tenant: 'payments',
      name: `vc${n}`,
      cluster: 'prod-1',
      namespace: `payments-vc-vc${n}-prod`,
      release: `vc${n}`,
    });
    fc.assert(
      fc.property(
        fc.shuffledSubarray([1, 2, 3, 4, 5], { minLength: 5, maxLength: 5 }),
        order => {
          const render = (add: ReturnType<typeof vcluster>, current?: string) =>
            changeVClusterProjectFile({
              current,
              project: 'platform-vclusters',
              chartRepo: 'https://charts.loft.sh',
              add: add as never,
            })[VCLUSTER_PROJECT_FILE];
          const base = render(vcluster(0));
          const merged = mergeInOrder(
            base,
            order.map(n => render(vcluster(n), base)),
          );
          const spec = parse(merged).spec;
          expect(
            spec.destinations.map((d: { namespace: string }) => d.namespace),
          ).toEqual(
            expect.arrayContaining(
              [0, 1, 2, 3, 4, 5].map(n => vcluster(n).namespace),
            ),
          );
          expect(spec.destinations).toHaveLength(6);
          expect(spec.clusterResourceWhitelist).toHaveLength(12);
        },
      ),
    );
  });

  it('takes the only side that changed, and keeps a deletion by the request', () => {
    const base = text([{ cluster: 'dev-1', namespace: 'payments-a' }]);
    const changed = text([{ cluster: 'dev-1', namespace: 'payments-b' }]);
    expect(
      mergeYamlChange({ file, base, request: base, current: changed }),
    ).toEqual({ merged: true, text: changed });
    expect(
      mergeYamlChange({ file, base, request: changed, current: base }),
    ).toEqual({ merged: true, text: changed });
    expect(
      mergeYamlChange({ file, base, request: undefined, current: base }),
    ).toEqual({ merged: true, text: undefined });
    expect(
      mergeYamlChange({
        file,
        base: undefined,
        request: 'kind: Namespace\n',
        current: undefined,
      }),
    ).toEqual({ merged: true, text: 'kind: Namespace\n' });
  });

  it('refuses a file deleted on one side and changed on the other', () => {
    const base = 'a: 1\n';
    expect(
      mergeYamlChange({ file, base, request: undefined, current: 'a: 2\n' }),
    ).toEqual({
      merged: false,
      file,
      at: '(file)',
      reason: 'deleted by the request, changed on the base',
    });
    expect(
      mergeYamlChange({ file, base, request: 'a: 2\n', current: undefined }),
    ).toMatchObject({ merged: false, at: '(file)' });
  });

  it('refuses a value changed differently on both sides, naming its YAML path', () => {
    const base = 'kind: ResourceQuota\nspec:\n  hard:\n    cpu: "1"\n';
    const result = mergeYamlChange({
      file,
      base,
      request: base.replace('"1"', '"2"'),
      current: base.replace('"1"', '"4"'),
    });
    expect(result).toEqual({
      merged: false,
      file,
      at: 'ResourceQuota: spec.hard.cpu',
      reason:
        'changed on both sides: "2" in the request, "4" on the base branch',
    });
  });

  it('merges key by key and the documents of a multi-document file by identity', () => {
    const doc = (name: string, data: Record<string, string>) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'payments-dev' },
      data,
    });
    const base = serializeManifests([doc('a', { x: '1' }), doc('b', {})]);
    const request = serializeManifests([
      doc('a', { x: '1', y: '2' }),
      doc('b', {}),
      doc('c', {}),
    ]);
    const current = serializeManifests([
      doc('b', { z: '3' }),
      doc('a', { x: '1' }),
    ]);
    expect(mergeYamlChange({ file, base, request, current })).toEqual({
      merged: true,
      text: serializeManifests([
        doc('b', { z: '3' }),
        doc('c', {}),
        doc('a', { x: '1', y: '2' }),
      ]),
    });
  });

  it('refuses a list item the request removed that the base branch changed', () => {
    const base = 'items:\n  - name: a\n    v: 1\n  - name: b\n';
    const request = 'items:\n  - name: b\n  - name: c\n';
    const current = 'items:\n  - name: a\n    v: 2\n  - name: b\n';
    // As sets: {name: a, v: 1} is gone from both, so nothing conflicts and
    // the base branch's {name: a, v: 2} is a new item that stays.
    expect(mergeYamlChange({ file, base, request, current })).toEqual({
      merged: true,
      text: 'items:\n  - name: a\n    v: 2\n  - name: b\n  - name: c\n',
    });
    expect(
      mergeYamlChange({
        file,
        base: 'kind: A\nmetadata: { name: a }\n',
        request: '',
        current: 'kind: A\nmetadata: { name: a }\nx: 1\n',
      }),
    ).toEqual({
      merged: false,
      file,
      at: 'A a',
      reason: 'removed by the request, changed on the base branch',
    });
  });

  it('refuses a file that is not valid YAML', () => {
    expect(
      mergeYamlChange({
        file,
        base: 'a: 1\n',
        request: 'a: [\n',
        current: 'a: 2\n',
      }),
    ).toEqual({
      merged: false,
      file,
      at: '(file)',
      reason: 'not valid YAML on the request',
    });
  });
});
