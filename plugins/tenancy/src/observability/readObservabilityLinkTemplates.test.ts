import { mockApis } from '@backstage/frontend-test-utils';
import { readObservabilityLinkTemplates } from './readObservabilityLinkTemplates';

const withLinks = (links: unknown) =>
  mockApis.config({ data: { tenancy: { observability: { links } } } as any });

describe('readObservabilityLinkTemplates', () => {
  it('reads the templates, kind other by default', () => {
    expect(
      readObservabilityLinkTemplates(
        withLinks([
          {
            title: 'Logs',
            kind: 'logs',
            for: 'namespace',
            url: 'https://logs.example.com/?n={namespace}',
          },
          {
            title: 'Runbook',
            for: 'tenant',
            url: 'https://wiki.example.com/{tenant}',
          },
        ]),
      ),
    ).toEqual({
      templates: [
        {
          title: 'Logs',
          kind: 'logs',
          for: 'namespace',
          url: 'https://logs.example.com/?n={namespace}',
        },
        {
          title: 'Runbook',
          kind: 'other',
          for: 'tenant',
          url: 'https://wiki.example.com/{tenant}',
        },
      ],
    });
  });

  it('has no templates without the key', () => {
    expect(readObservabilityLinkTemplates(mockApis.config())).toEqual({
      templates: [],
    });
  });

  it('refuses the whole list for one template with a credential, naming its key and the rule', () => {
    expect(
      readObservabilityLinkTemplates(
        withLinks([
          {
            title: 'Dashboard',
            for: 'tenant',
            url: 'https://grafana.example.com/d/{tenant}',
          },
          {
            title: 'Logs',
            for: 'tenant',
            url: 'https://logs.example.com/?tenant={tenant}&apikey=abc',
          },
          {
            title: 'Alerts',
            for: 'tenant',
            url: 'https://bot:pw@alerts.example.com/{tenant}',
          },
        ]),
      ),
    ).toEqual({
      problems: [
        'tenancy.observability.links[1].url must not carry a credential: the parameter "apikey" looks like one (token, key, password, secret, auth, signature…); links never hold credentials',
        'tenancy.observability.links[2].url must not carry a user name or password (user:password@): links never hold credentials',
      ],
    });
  });

  it('names each field that breaks the shape', () => {
    expect(
      readObservabilityLinkTemplates(
        withLinks([
          { title: ' ', kind: 'metrics', for: 'cluster', url: '' },
          { title: 'x', for: 'tenant' },
          'https://grafana.example.com/',
        ]),
      ),
    ).toEqual({
      problems: [
        'tenancy.observability.links[0].title must be a non-empty string',
        'tenancy.observability.links[0].url must be a non-empty string',
        'tenancy.observability.links[0].kind must be one of dashboard, logs, alerts, other',
        'tenancy.observability.links[0].for must be tenant or namespace',
        'tenancy.observability.links[1].url must be a non-empty string',
        'tenancy.observability.links[2] must be an object with title, url and for',
      ],
    });
    expect(readObservabilityLinkTemplates(withLinks({ a: 1 }))).toEqual({
      problems: [
        'tenancy.observability.links must be a list of link templates',
      ],
    });
  });
});
