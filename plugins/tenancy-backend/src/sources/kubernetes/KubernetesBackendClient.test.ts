import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { kubernetesBackendClientAt } from '../../__testUtils__/kubernetesBackendClientAt';

const server = setupServer();
registerMswTestHooks(server);

const BASE = 'http://backstage.example.com/api/kubernetes';
const client = () =>
  kubernetesBackendClientAt(BASE, {
    timeoutMs: 1000,
    retries: 0,
    backoffMs: 1,
  });

describe('KubernetesBackendClient', () => {
  it('lists the clusters with their auth providers, as the tenancy plugin', async () => {
    server.use(
      http.get(`${BASE}/clusters`, ({ request }) => {
        expect(request.headers.get('authorization')).toBe(
          'Bearer mock-service-token:{"sub":"plugin:tenancy","target":"kubernetes"}',
        );
        // The Kubernetes backend's answer, as its router writes it.
        return HttpResponse.json({
          items: [
            { name: 'prod-eu-1', authProvider: 'aws' },
            {
              name: 'sso-eu-1',
              title: 'SSO cluster',
              authProvider: 'oidc',
              oidcTokenProvider: 'okta',
            },
          ],
        });
      }),
    );
    expect(await client().listClusters()).toEqual([
      { name: 'prod-eu-1', authProvider: 'aws' },
      { name: 'sso-eu-1', authProvider: 'oidc' },
    ]);
  });

  it('names the field of a malformed cluster list', async () => {
    server.use(
      http.get(`${BASE}/clusters`, () =>
        HttpResponse.json({ items: [{ title: 'no name' }] }),
      ),
    );
    await expect(client().listClusters()).rejects.toThrow(
      /^malformed Kubernetes backend cluster list: items\.0\.name: /,
    );
  });

  it("carries the Kubernetes backend's own error message", async () => {
    server.use(
      http.get(`${BASE}/proxy/api/v1/namespaces`, ({ request }) => {
        expect(request.headers.get('backstage-kubernetes-cluster')).toBe(
          'prod-eu-1',
        );
        return HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'Unauthorized' },
            request: {
              method: 'GET',
              url: '/api/kubernetes/proxy/api/v1/namespaces',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        );
      }),
    );
    await expect(
      client().get('prod-eu-1', '/api/v1/namespaces'),
    ).rejects.toThrow(
      'HTTP 403 from /api/kubernetes/proxy/api/v1/namespaces: Unauthorized',
    );
  });
});
