import { coreApis } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  ScaffolderFieldExtensions,
  useCustomFieldExtensions,
} from '@backstage/plugin-scaffolder-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactNode } from 'react';
import { TenancyApi, tenancyApiRef } from './api/TenancyApi';
import { tenantEntity } from './__testUtils__/fixtures';
import {
  TenancyNamespaceNameFieldExtension,
  TenancyTenantPickerFieldExtension,
} from './index';

const checkout = {
  ...tenantEntity,
  metadata: { name: 'checkout', namespace: 'default', title: 'Checkout' },
  spec: { ...tenantEntity.spec, owner: 'group:default/team-checkout' },
};

/** A one-step new-namespace template using the tenancy fields. */
const manifest = {
  title: 'New namespace',
  steps: [
    {
      title: 'Namespace',
      schema: {
        type: 'object',
        required: ['tenant'],
        properties: {
          tenant: {
            type: 'string',
            title: 'Tenant',
            'ui:field': 'TenancyTenantPicker',
          },
          environment: { type: 'string', title: 'Environment', default: 'dev' },
          name: {
            type: 'string',
            title: 'Name part',
            'ui:field': 'TenancyNamespaceName',
          },
        },
      },
    },
  ],
};

/**
 * The wizard of a legacy app's scaffolder route: the field extensions are the
 * children of `<ScaffolderFieldExtensions>`, collected the way the legacy
 * scaffolder's router collects them, and handed to the scaffolder's form.
 */
function LegacyWizard(props: { children: ReactNode }) {
  const extensions = useCustomFieldExtensions(props.children);
  return (
    <Stepper manifest={manifest} extensions={extensions} onCreate={jest.fn()} />
  );
}

// A whole legacy app with the scaffolder's wizard: 1.5 s alone, over the
// default 5 s when the suite runs in parallel with the rest of the repository.
jest.setTimeout(30_000);

describe('legacy field extensions', () => {
  // The form scrolls to the top of each step; jsdom has no layout.
  beforeAll(() => {
    window.scrollTo = jest.fn();
  });

  it('register the wizard fields in a legacy app: tenants the user may request for, names checked by the backend', async () => {
    // The backend's check: "Web" breaks the naming rule, "web" is free.
    const checkNamespace = jest.fn(async (r: { name?: string }) => ({
      namespace: `payments-${r.name ?? ''}-dev`,
      problems:
        r.name === 'Web'
          ? [
              {
                field: 'name',
                rule: 'dns-1123',
                message: 'name "Web" must be lower case',
              },
            ]
          : [],
      available: true,
    }));
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [tenancyApiRef, { checkNamespace } as Partial<TenancyApi>],
          [
            catalogApiRef,
            catalogApiMock({ entities: [tenantEntity, checkout] }),
          ],
          [
            coreApis.identity,
            mockApis.identity({
              ownershipEntityRefs: [
                'user:default/alex',
                'group:default/team-payments',
              ],
            }),
          ],
          [
            permissionApiRef,
            mockApis.permission({ authorize: AuthorizeResult.DENY }),
          ],
        ]}
      >
        <LegacyWizard>
          <ScaffolderFieldExtensions>
            <TenancyTenantPickerFieldExtension />
            <TenancyNamespaceNameFieldExtension />
          </ScaffolderFieldExtensions>
        </LegacyWizard>
      </TestApiProvider>,
    );

    // The tenant picker offers the tenants of the user's teams only.
    const picker = screen.getByRole('button', { name: /Tenant/ });
    await waitFor(() =>
      expect(picker).not.toHaveAttribute('aria-disabled', 'true'),
    );
    fireEvent.mouseDown(picker);
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual(['Payments']);
    fireEvent.click(options[0]);
    await waitFor(() => expect(picker).toHaveTextContent('Payments'));

    // A name the backend refuses keeps the user on the step, with the rule.
    const name = screen.getByRole('textbox', { name: 'Name part' });
    await userEvent.type(name, 'Web');
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await waitFor(() =>
      expect(checkNamespace).toHaveBeenCalledWith({
        tenant: 'tenant:default/payments',
        environment: 'dev',
        cluster: undefined,
        name: 'Web',
      }),
    );
    expect(
      (await screen.findAllByText('name "Web" must be lower case')).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByRole('button', { name: 'Create' }),
    ).not.toBeInTheDocument();

    // A valid name passes validation and leads to the review.
    await userEvent.clear(name);
    await userEvent.type(name, 'web');
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      await screen.findByRole('button', { name: 'Create' }),
    ).toBeInTheDocument();
  });
});
