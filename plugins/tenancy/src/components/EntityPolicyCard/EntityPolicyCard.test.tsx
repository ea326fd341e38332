import {
  NamespaceSummary,
  PolicySummary,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { screen, within } from '@testing-library/react';
import {
  aNamespace,
  aSummary,
  freshSource,
  namespaceEntity,
} from '../../__testUtils__/fixtures';
import { expectNoAxeViolations } from '../../__testUtils__/expectNoAxeViolations';
import { renderEntityCard } from '../../__testUtils__/renderEntityCard';
import { EntityPolicyCard } from './EntityPolicyCard';

/** A namespace's policy results as the backend sends them (JSON). */
const devPolicy: PolicySummary = JSON.parse(`{
  "counts": { "pass": 12, "fail": 1, "warn": 1, "error": 0, "skip": 2 },
  "findings": [
    {
      "policy": "disallow-latest-tag",
      "rule": "validate-image-tag",
      "result": "warn",
      "severity": "medium",
      "category": "Best Practices",
      "message": "An image tag is required and must not be latest.",
      "source": "kyverno",
      "resource": { "apiVersion": "apps/v1", "kind": "Deployment", "namespace": "payments-dev", "name": "payments-api", "uid": "1" },
      "timestamp": "2026-11-21T11:58:00Z"
    },
    {
      "policy": "require-labels",
      "rule": "check-team",
      "result": "fail",
      "severity": "high",
      "message": "label tenancy.io/team is required",
      "source": "kyverno",
      "resource": { "apiVersion": "v1", "kind": "Namespace", "name": "payments-dev" }
    }
  ],
  "omitted": 3
}`);

const prodPolicy: PolicySummary = {
  counts: { pass: 20, fail: 0, warn: 0, error: 1, skip: 0 },
  findings: [
    {
      policy: 'restrict-registries',
      result: 'error',
      message: 'policy could not be evaluated',
      source: 'ValidatingAdmissionPolicy',
      resource: { kind: 'Pod', namespace: 'payments-prod', name: 'web-0' },
    },
  ],
  omitted: 0,
};

const withPolicy = (
  name: string,
  policy?: PolicySummary,
  patch: Partial<NamespaceSummary> = {},
) => aNamespace(name, { policy, ...patch });

const policySource = freshSource('policy:nonprod-eu-1');

function rowsOf(table: HTMLElement) {
  return within(table).getAllByRole('row').slice(1);
}

describe('EntityPolicyCard', () => {
  it("shows a namespace's counts and findings in the order sent, each linked to its object", async () => {
    const { container } = await renderEntityCard(<EntityPolicyCard />, {
      entity: namespaceEntity,
      api: {
        getEntitySummary: async () =>
          aSummary([withPolicy('payments-dev', devPolicy)], {
            entityRef: 'resource:default/payments-dev',
          }),
      },
    });

    expect(
      await screen.findByText('12 pass · 1 fail · 1 warn · 0 error'),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Policy findings, worst first',
    });
    const [first, second] = rowsOf(table);
    expect(first).toHaveTextContent('warn');
    expect(first).toHaveTextContent('disallow-latest-tag');
    expect(first).toHaveTextContent('rule validate-image-tag · kyverno');
    expect(first).toHaveTextContent(
      'An image tag is required and must not be latest.',
    );
    expect(second).toHaveTextContent('fail');
    expect(second).toHaveTextContent('high');
    expect(
      within(first).getByRole('link', { name: 'Deployment/payments-api' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/payments-dev/kubernetes',
    );
    expect(
      within(table).queryByRole('columnheader', { name: 'Namespace' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(
        '3 more findings not listed (at most 50 per namespace are).',
      ),
    ).toBeInTheDocument();
    // a registry exception is requested for a tenant, not on a namespace page
    expect(
      screen.queryByRole('link', { name: 'Request a registry exception' }),
    ).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it("merges a tenant's namespaces worst first, with a namespace column and the exception link", async () => {
    await renderEntityCard(<EntityPolicyCard />, {
      api: {
        getEntitySummary: async () => {
          const summary = aSummary([
            withPolicy('payments-dev', devPolicy),
            withPolicy('payments-prod', prodPolicy, { cluster: 'prod-eu-1' }),
            withPolicy('payments-staging', undefined),
          ]);
          summary.totals.policy = {
            pass: 32,
            fail: 1,
            warn: 1,
            error: 1,
            skip: 2,
          };
          return summary;
        },
      },
    });

    expect(
      await screen.findByText('32 pass · 1 fail · 1 warn · 1 error'),
    ).toBeInTheDocument();
    const rows = rowsOf(
      screen.getByRole('table', { name: 'Policy findings, worst first' }),
    );
    // prod's error first; dev's two keep the order they were sent in
    expect(rows.map(r => r.textContent)).toEqual([
      expect.stringMatching(
        /^error.*restrict-registries.*Pod\/web-0payments-prodprod-eu-1/,
      ),
      expect.stringMatching(/^warn.*disallow-latest-tag.*payments-dev/),
      expect.stringMatching(/^fail.*require-labels.*Namespace\/payments-dev/),
    ]);
    expect(
      within(rows[0]).getByRole('link', { name: 'Pod/web-0' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/payments-prod/kubernetes',
    );
    expect(
      screen.getByText('No policy data for payments-staging.'),
    ).toBeInTheDocument();
    const exception = screen.getByRole('link', {
      name: 'Request a registry exception',
    });
    const url = new URL(exception.getAttribute('href')!, 'http://localhost');
    expect(url.pathname).toBe('/create/templates/default/tenant-exception');
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      tenant: 'tenant:default/payments',
    });
  });

  it('says plainly when there is no policy data, and why', async () => {
    await renderEntityCard(<EntityPolicyCard />, {
      entity: namespaceEntity,
      api: {
        getEntitySummary: async () =>
          aSummary([withPolicy('payments-dev', undefined)], {
            sources: [
              {
                id: 'policy:nonprod-eu-1',
                kind: 'policy',
                name: 'nonprod-eu-1',
                lastErrorAt: '2026-11-21T11:59:00Z',
                lastError: 'policyreports.wgpolicyk8s.io is not served',
                stale: true,
              },
            ],
          }),
      },
    });

    expect(
      await screen.findByText(
        /^No policy data: no policy report source covers this cluster/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('source-problems')).toHaveTextContent(
      'No data from policy report source nonprod-eu-1: policyreports.wgpolicyk8s.io is not served.',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when no policy fails', async () => {
    await renderEntityCard(<EntityPolicyCard />, {
      entity: namespaceEntity,
      api: {
        getEntitySummary: async () =>
          aSummary(
            [
              withPolicy('payments-dev', {
                counts: { pass: 7, fail: 0, warn: 0, error: 0, skip: 0 },
                findings: [],
                omitted: 0,
              }),
            ],
            { sources: [policySource] },
          ),
      },
    });

    expect(await screen.findByText('No failing policies.')).toBeInTheDocument();
    expect(
      screen.getByText('7 pass · 0 fail · 0 warn · 0 error'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('source-problems')).not.toBeInTheDocument();
  });
});
