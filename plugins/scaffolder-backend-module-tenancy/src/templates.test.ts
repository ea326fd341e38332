import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GitOpsLayout } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { parse } from 'yaml';
import {
  policy,
  setUpAction,
} from './actions/__testUtils__/setUpNamespaceCreateAction';
import { createVClusterUpgradeAction } from './actions/vclusterUpgrade';

const templates = resolve(__dirname, '../../../templates');
const read = (path: string) =>
  parse(readFileSync(join(templates, path), 'utf8'));

/** The templates the catalog registers (templates/catalog-info.yaml). */
const listed: string[] = read('catalog-info.yaml').spec.targets;

describe('the software templates of templates/', () => {
  const dir = createMockDirectory();

  it.each(listed)(
    '%s calls tenancy actions of this module with inputs they declare',
    async target => {
      const setup = await setUpAction({ root: dir.path });
      const actions = [
        setup.action,
        setup.updateAction,
        setup.deleteAction,
        setup.vclusterAction,
        setup.tenantAction,
        setup.exceptionAction,
        setup.adoptAction,
        createVClusterUpgradeAction({
          catalog: catalogServiceMock(),
          userInfo: mockServices.userInfo(),
          permissions: setup.permissions,
          auditor: mockServices.auditor.mock(),
          layout: GitOpsLayout.create(),
          policy,
          publisher: setup.publisher,
        }),
      ];
      const template = read(target);
      const steps = template.spec.steps.filter((s: { action: string }) =>
        s.action.startsWith('tenancy:'),
      );
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        const action = actions.find(a => a.id === step.action);
        expect(action).toBeDefined();
        const input = action?.schema?.input as { properties?: object };
        const declared = Object.keys(input.properties ?? {});
        expect(declared).toEqual(
          expect.arrayContaining(Object.keys(step.input)),
        );
      }
    },
  );

  it('offers the fields the tenancy frontend prefills through formData', () => {
    const fields = (target: string) =>
      Object.keys(
        Object.assign(
          {},
          ...read(target).spec.parameters.map(
            (p: { properties: object }) => p.properties,
          ),
        ),
      );
    expect(listed).toEqual(
      expect.arrayContaining([
        './tenant-exception/template.yaml',
        './adopt-namespace/template.yaml',
      ]),
    );
    expect(fields('adopt-namespace/template.yaml')).toEqual(
      expect.arrayContaining(['cluster', 'namespace', 'action']),
    );
    expect(
      read('adopt-namespace/template.yaml').spec.parameters[0].properties.action
        .enum,
    ).toEqual(['adopt', 'remove']);
    expect(fields('tenant-exception/template.yaml')).toContain('tenant');
  });
});
