import { coreApis } from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ReactElement, useState } from 'react';
import { TenancyApi, tenancyApiRef } from '../api/TenancyApi';
import { tenantEntity } from '../__testUtils__/fixtures';
import { NamespaceNameField } from './NamespaceNameField';
import { PlacementField } from './PlacementField';
import { QuotaField } from './QuotaField';
import { TenantPickerField } from './TenantPickerField';
import { validateNamespaceName, validateQuota } from './validateWithBackend';
import { validateTenant } from './validateTenant';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';

const policy = {
  environments: {
    dev: {
      clusters: ['nonprod-eu-1'],
      podSecurity: 'baseline' as const,
      ceiling: { 'requests.cpu': '8', 'limits.cpu': '16' },
    },
    prod: {
      clusters: ['prod-eu-1', 'prod-eu-2'],
      podSecurity: 'restricted' as const,
      ceiling: {},
    },
  },
  quotaSizes: { S: { 'requests.cpu': '1', 'limits.cpu': '2' } },
  nodePools: [],
};

const checkout = {
  ...tenantEntity,
  metadata: { name: 'checkout', namespace: 'default', title: 'Checkout' },
  spec: { ...tenantEntity.spec, owner: 'group:default/team-checkout' },
};

const ownership = ['user:default/alex', 'group:default/team-payments'];

function render(
  field: ReactElement,
  api: Partial<TenancyApi> = {},
  admin = false,
) {
  return renderInTestApp(field, {
    apis: [
      [
        tenancyApiRef,
        {
          getProvisioningPolicy: jest.fn().mockResolvedValue(policy),
          ...api,
        } as TenancyApi,
      ],
      [catalogApiRef, catalogApiMock({ entities: [tenantEntity, checkout] })],
      mockApis.identity({ ownershipEntityRefs: ownership }),
      mockApis.permission({
        authorize: admin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      }),
    ],
  });
}

/** Opens a select once its options have loaded (it is disabled before). */
async function openSelect(name: RegExp) {
  await waitFor(() =>
    expect(screen.getByRole('button', { name })).not.toHaveAttribute(
      'aria-disabled',
      'true',
    ),
  );
  fireEvent.mouseDown(screen.getByRole('button', { name }));
}

const props = (extra: object) =>
  ({
    schema: {},
    idSchema: { $id: 'root_field' },
    rawErrors: [],
    onChange: jest.fn(),
    ...extra,
  } as any);

describe('TenantPickerField', () => {
  it('offers only the tenants whose owning group the user belongs to', async () => {
    const onChange = jest.fn();
    await render(<TenantPickerField {...props({ onChange })} />);
    await openSelect(/Tenant/);
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual(['Payments']);
    fireEvent.click(options[0]);
    expect(onChange).toHaveBeenCalledWith('tenant:default/payments');
  });

  it('offers every tenant to a holder of tenancy.provision.admin', async () => {
    await render(<TenantPickerField {...props({})} />, {}, true);
    await openSelect(/Tenant/);
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual(['Checkout', 'Payments']);
  });

  it("shows why another team's tenant (e.g. from a link) may not be requested for", async () => {
    await render(
      <TenantPickerField {...props({ formData: 'tenant:default/checkout' })} />,
    );
    expect(
      await screen.findByText(
        "You may not request for tenant checkout: it is owned by group:default/team-checkout, which you are not a member of, and requests for other teams' tenants need the tenancy.provision.admin permission",
      ),
    ).toBeInTheDocument();
    // Shown as chosen, so the refusal is about what the user sees.
    expect(screen.getByRole('button', { name: /Tenant/ })).toHaveTextContent(
      'Checkout',
    );
  });

  it("refuses another team's tenant before the form is submitted, and accepts the user's own", async () => {
    const apiHolder = (admin: boolean) => {
      const apis = new Map<string, unknown>([
        [
          catalogApiRef.id,
          catalogApiMock({ entities: [tenantEntity, checkout] }),
        ],
        [
          coreApis.identity.id,
          mockApis.identity({ ownershipEntityRefs: ownership }),
        ],
        [
          permissionApiRef.id,
          mockApis.permission({
            authorize: admin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          }),
        ],
      ]);
      return { get: (ref: { id: string }) => apis.get(ref.id) } as any;
    };
    const validate = async (value: string, admin = false) => {
      const validation = { addError: jest.fn() } as any;
      await validateTenant(value, validation, { apiHolder: apiHolder(admin) });
      return validation.addError.mock.calls.map((c: string[]) => c[0]);
    };
    expect(await validate('tenant:default/checkout')).toEqual([
      expect.stringMatching(
        /^You may not request for tenant checkout: .*tenancy\.provision\.admin permission$/,
      ),
    ]);
    expect(await validate('checkout')).toHaveLength(1);
    expect(await validate('tenant:default/payments')).toEqual([]);
    expect(await validate('tenant:default/checkout', true)).toEqual([]);
    expect(await validate('tenant:default/nowhere')).toEqual([
      'tenant tenant:default/nowhere was not found in the catalog',
    ]);
  });
});

describe('PlacementField', () => {
  it("offers the tenant's configured environments and picks a lone cluster", async () => {
    const onChange = jest.fn();
    await render(
      <PlacementField
        {...props({
          onChange,
          formData: {},
          formContext: { formData: { tenant: 'tenant:default/payments' } },
        })}
      />,
    );
    await openSelect(/Environment/);
    const options = await screen.findAllByRole('option');
    // staging is the tenant's, but not configured in the policy.
    expect(options.map(o => o.textContent)).toEqual(['dev', 'prod']);
    fireEvent.click(options[0]);
    expect(onChange).toHaveBeenCalledWith({
      environment: 'dev',
      cluster: undefined,
    });
  });

  it('chooses the only allowed cluster of the environment', async () => {
    const onChange = jest.fn();
    await render(
      <PlacementField
        {...props({
          onChange,
          formData: { environment: 'dev' },
          formContext: { formData: { tenant: 'tenant:default/payments' } },
        })}
      />,
    );
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith({
        environment: 'dev',
        cluster: 'nonprod-eu-1',
      }),
    );
  });
});

describe('NamespaceNameField', () => {
  const context = {
    formData: {
      tenant: 'tenant:default/payments',
      placement: { environment: 'dev', cluster: 'nonprod-eu-1' },
    },
  };

  it('shows the composed name and that it is free', async () => {
    const checkNamespace = jest.fn().mockResolvedValue({
      namespace: 'payments-web-dev',
      problems: [],
      available: true,
    });
    await render(
      <NamespaceNameField
        {...props({ formData: 'web', formContext: context })}
      />,
      { checkNamespace },
    );
    expect(
      await screen.findByText('payments-web-dev is available'),
    ).toBeInTheDocument();
    expect(checkNamespace).toHaveBeenCalledWith({
      tenant: 'tenant:default/payments',
      environment: 'dev',
      cluster: 'nonprod-eu-1',
      name: 'web',
    });
  });

  it('shows the rule a name breaks, and a name that is taken, as the user types', async () => {
    const checkNamespace = jest.fn().mockResolvedValue({
      namespace: 'payments-Web-dev',
      problems: [
        {
          field: 'name',
          rule: 'dns-1123',
          message: 'name "Web" must be lower case',
        },
      ],
    });
    await render(
      <NamespaceNameField
        {...props({ formData: 'Web', formContext: context })}
      />,
      { checkNamespace },
    );
    expect(
      await screen.findByText('name "Web" must be lower case'),
    ).toBeInTheDocument();
  });
});

describe('NamespaceNameField for a vCluster', () => {
  const context = {
    formData: {
      tenant: 'tenant:default/data-platform',
      placement: { environment: 'dev', cluster: 'nonprod-eu-1' },
    },
  };
  const vcluster = { 'ui:options': { vcluster: true } };

  it('checks the host namespace <tenant>-vc-<name>-<env> and shows that it is taken', async () => {
    const checkNamespace = jest.fn().mockResolvedValue({
      namespace: 'data-platform-vc-sandbox-dev',
      problems: [],
      available: false,
      conflict: 'data-platform-vc-sandbox-dev is asked for in open request #3',
    });
    await render(
      <NamespaceNameField
        {...props({
          formData: 'sandbox',
          formContext: context,
          uiSchema: vcluster,
        })}
      />,
      { checkNamespace },
    );
    expect(
      await screen.findByText(
        'data-platform-vc-sandbox-dev is asked for in open request #3',
      ),
    ).toBeInTheDocument();
    // The host namespace's middle part: the backend composes the rest.
    expect(checkNamespace).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'vc-sandbox' }),
    );
  });

  it('asks nothing before the vCluster has a name', async () => {
    const checkNamespace = jest.fn();
    await render(
      <NamespaceNameField
        {...props({ formContext: context, uiSchema: vcluster })}
      />,
      { checkNamespace },
    );
    expect(await screen.findByRole('textbox')).toBeInTheDocument();
    await new Promise(r => setTimeout(r, 400));
    expect(checkNamespace).not.toHaveBeenCalled();
  });

  it('refuses a taken vCluster name before the step may be left', async () => {
    const checkNamespace = jest.fn().mockResolvedValue({
      namespace: 'data-platform-vc-sandbox-dev',
      problems: [],
      available: false,
      conflict: 'data-platform-vc-sandbox-dev exists on nonprod-eu-1',
    });
    const errors: string[] = [];
    await validateNamespaceName(
      'sandbox',
      { addError: (e: string) => errors.push(e) } as any,
      {
        apiHolder: { get: () => ({ checkNamespace }) } as any,
        formData: { ...context.formData, name: 'sandbox' },
        uiSchema: vcluster,
      },
    );
    expect(errors).toEqual([
      'data-platform-vc-sandbox-dev exists on nonprod-eu-1',
    ]);
    expect(checkNamespace).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'vc-sandbox' }),
    );
  });
});

describe('QuotaField', () => {
  it('shows a size against the ceiling, and problems of custom values', async () => {
    const checkNamespace = jest.fn().mockImplementation(async (r: any) => ({
      namespace: 'payments-dev',
      // The backend resolves the size and answers the values it checked.
      quota:
        r.size === 'S' ? { 'requests.cpu': '1', 'limits.cpu': '2' } : r.quota,
      problems:
        r.quota?.['requests.cpu'] === '99'
          ? [
              {
                field: 'quota.requests.cpu',
                rule: 'ceiling',
                message: 'quota.requests.cpu "99" exceeds the dev ceiling of 8',
              },
            ]
          : [],
      available: true,
    }));
    const context = {
      formData: {
        tenant: 'tenant:default/payments',
        placement: { environment: 'dev' },
      },
    };
    const { unmount } = await render(
      <QuotaField
        {...props({ formData: { size: 'S' }, formContext: context })}
      />,
      { checkNamespace },
    );
    const table = await screen.findByRole('table', {
      name: 'Quota against the environment ceiling',
    });
    const row = within(table).getByText('requests.cpu').closest('tr')!;
    await waitFor(() => expect(row.textContent).toBe('requests.cpu18'));
    // The size goes to the check as a name, not as values.
    expect(checkNamespace).toHaveBeenLastCalledWith({
      tenant: 'tenant:default/payments',
      environment: 'dev',
      size: 'S',
    });
    unmount();

    const onChange = jest.fn();
    await render(
      <QuotaField
        {...props({
          onChange,
          formData: { quota: { 'requests.cpu': '99', 'limits.cpu': '100' } },
          formContext: context,
        })}
      />,
      { checkNamespace },
    );
    expect(
      await screen.findByText(
        'quota.requests.cpu "99" exceeds the dev ceiling of 8',
      ),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: 'pods' }), {
      target: { value: '10' },
    });
    expect(onChange).toHaveBeenCalledWith({
      quota: { 'requests.cpu': '99', 'limits.cpu': '100', pods: '10' },
    });
  });

  it('shows the values the backend resolved for a size, and none before it answers them', async () => {
    const context = {
      formData: {
        tenant: 'tenant:default/payments',
        placement: { environment: 'dev' },
      },
    };
    // The backend's S is not the policy's S of this test: the field shows
    // the backend's values.
    const resolving = jest.fn().mockResolvedValue({
      namespace: 'payments-dev',
      problems: [],
      available: true,
      quota: { 'requests.cpu': '3', 'limits.cpu': '6' },
    });
    const { unmount } = await render(
      <QuotaField
        {...props({ formData: { size: 'S' }, formContext: context })}
      />,
      { checkNamespace: resolving },
    );
    const table = await screen.findByRole('table', {
      name: 'Quota against the environment ceiling',
    });
    await waitFor(() =>
      expect(
        within(table).getByText('requests.cpu').closest('tr')!.textContent,
      ).toBe('requests.cpu38'),
    );
    expect(
      within(table).getByText('limits.cpu').closest('tr')!.textContent,
    ).toBe('limits.cpu616');
    unmount();

    // An answer without `quota`: the values stay empty, the policy's sizes
    // are not looked up in the browser.
    const notResolving = jest.fn().mockResolvedValue({
      namespace: 'payments-dev',
      problems: [],
      available: true,
    });
    await render(
      <QuotaField
        {...props({ formData: { size: 'S' }, formContext: context })}
      />,
      { checkNamespace: notResolving },
    );
    const bare = await screen.findByRole('table', {
      name: 'Quota against the environment ceiling',
    });
    await waitFor(() => expect(notResolving).toHaveBeenCalled());
    await waitFor(() =>
      expect(
        within(bare).getByText('requests.cpu').closest('tr')!.textContent,
      ).toBe('requests.cpu8'),
    );
    expect(bare.textContent).not.toMatch(/requests\.cpu1/);
  });

  it("shows the container defaults the namespace gets, the tenant's remaining budget and a budget problem", async () => {
    const context = {
      formData: {
        tenant: 'tenant:default/payments',
        placement: { environment: 'dev' },
      },
    };
    const checkNamespace = jest.fn().mockResolvedValue({
      namespace: 'payments-dev',
      problems: [
        {
          field: 'quota.requests.cpu',
          rule: 'tenant-budget',
          message:
            'quota.requests.cpu "3" goes past the budget of tenant payments',
        },
      ],
      quota: { 'requests.cpu': '3', 'limits.cpu': '6' },
      limits: {
        defaultRequest: { cpu: '100m', memory: '128Mi' },
        default: { cpu: '500m', memory: '512Mi' },
        max: { cpu: '6', memory: '8Gi' },
      },
      budget: [
        {
          resource: 'requests.cpu',
          budget: '4',
          used: '2',
          requested: '3',
          remaining: '-1',
        },
      ],
    });
    await render(
      <QuotaField
        {...props({ formData: { size: 'S' }, formContext: context })}
      />,
      { checkNamespace },
    );
    const table = await screen.findByRole('table', {
      name: 'Quota against the environment ceiling',
    });
    await waitFor(() =>
      expect(
        within(table).getByText('requests.cpu').closest('tr')!.textContent,
      ).toBe('requests.cpu38-1 of 4'),
    );
    expect(
      within(table).getByText('limits.cpu').closest('tr')!.textContent,
    ).toBe('limits.cpu616not budgeted');
    expect(
      screen.getByText(
        'Containers without their own get requests 100m / 128Mi and limits 500m / 512Mi; at most 6 / 8Gi each.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'quota.requests.cpu "3" goes past the budget of tenant payments',
      ),
    ).toBeInTheDocument();
  });

  it("does not show one size's values for another while the backend resolves it", async () => {
    const context = {
      formData: {
        tenant: 'tenant:default/payments',
        placement: { environment: 'dev' },
      },
    };
    const checkNamespace = jest.fn().mockImplementation((r: any) =>
      r.size === 'S'
        ? Promise.resolve({
            namespace: 'payments-dev',
            problems: [],
            quota: { 'requests.cpu': '1', 'limits.cpu': '2' },
          })
        : new Promise(() => {}),
    );
    function Stateful() {
      const [value, setValue] = useState<object>({ size: 'S' });
      return (
        <QuotaField
          {...props({
            formData: value,
            onChange: setValue,
            formContext: context,
          })}
        />
      );
    }
    await render(<Stateful />, {
      checkNamespace,
      getProvisioningPolicy: jest.fn().mockResolvedValue({
        ...policy,
        quotaSizes: { ...policy.quotaSizes, M: { 'requests.cpu': '4' } },
      }),
    });
    const table = await screen.findByRole('table', {
      name: 'Quota against the environment ceiling',
    });
    await waitFor(() =>
      expect(
        within(table).getByText('requests.cpu').closest('tr')!.textContent,
      ).toBe('requests.cpu18'),
    );
    await openSelect(/Quota/);
    fireEvent.click(await screen.findByRole('option', { name: 'M' }));
    await waitFor(() =>
      expect(checkNamespace).toHaveBeenLastCalledWith(
        expect.objectContaining({ size: 'M' }),
      ),
    );
    const row = within(
      screen.getByRole('table', {
        name: 'Quota against the environment ceiling',
      }),
    )
      .getByText('requests.cpu')
      .closest('tr')!;
    expect(row.textContent).toBe('requests.cpu8');
  });

  it('validation checks a size by its name and custom values as values', async () => {
    const errors: string[] = [];
    const validation = { addError: (e: string) => errors.push(e) } as any;
    const checkNamespace = jest.fn().mockImplementation(async (r: any) => ({
      namespace: 'payments-dev',
      problems: r.size
        ? []
        : [
            {
              field: 'quota.requests.cpu',
              rule: 'ceiling',
              message: 'quota.requests.cpu "99" exceeds the dev ceiling of 8',
            },
          ],
      available: true,
    }));
    const apiHolder = {
      get: () => ({
        getProvisioningPolicy: async () => policy,
        checkNamespace,
      }),
    } as any;
    const formData = {
      tenant: 'tenant:default/payments',
      placement: { environment: 'dev' },
    };
    await validateQuota({ size: 'S' }, validation, { apiHolder, formData });
    expect(checkNamespace).toHaveBeenLastCalledWith({
      tenant: 'tenant:default/payments',
      environment: 'dev',
      size: 'S',
    });
    expect(errors).toEqual([]);
    await validateQuota({ quota: { 'requests.cpu': '99' } }, validation, {
      apiHolder,
      formData,
    });
    expect(checkNamespace).toHaveBeenLastCalledWith({
      tenant: 'tenant:default/payments',
      environment: 'dev',
      quota: { 'requests.cpu': '99' },
    });
    expect(errors).toEqual([
      'quota.requests.cpu "99" exceeds the dev ceiling of 8',
    ]);
  });

  it('validation refuses a missing choice and an unknown size', async () => {
    const errors: string[] = [];
    const validation = { addError: (e: string) => errors.push(e) } as any;
    const apiHolder = {
      get: () => ({ getProvisioningPolicy: async () => policy }),
    } as any;
    await validateQuota({}, validation, { apiHolder, formData: {} });
    await validateQuota({ size: 'XL' }, validation, {
      apiHolder,
      formData: {},
    });
    expect(errors).toEqual([
      'choose a quota size or custom values',
      'size XL is not configured',
    ]);
  });
});
