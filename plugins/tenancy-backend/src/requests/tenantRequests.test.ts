import { createMockDirectory } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startTenancyBackend as startBackend } from '../__testUtils__/startTenancyBackend';
import { validateApiResponse } from '../__testUtils__/validateApiResponse';
import { changeRequest } from './__testUtils__/changeRequest';
import { openLocalRepository } from './__testUtils__/openLocalRepository';

jest.setTimeout(30_000);

describe('GET /v1/entities/tenant/:namespace/:name/requests', () => {
  const dir = createMockDirectory();

  it("lists a tenant's requests with state and link, and no other tenant's", async () => {
    const { repo, publisher } = await openLocalRepository(dir);
    await publisher.publish(
      changeRequest('tenancy/tenant-0000/a-dev', 'New a-dev'),
    );
    await publisher.publish(
      changeRequest('tenancy/tenant-0001/b-dev', 'New b-dev'),
    );
    await publisher.publish(
      changeRequest('tenancy/tenant-0000/c-dev', 'New c-dev'),
    );
    await publisher.merge(1);

    const server = await startBackend({
      gitops: { publisher: { type: 'local', path: repo } },
    });
    const res = await request(server).get(
      '/api/tenancy/v1/entities/tenant/default/tenant-0000/requests',
    );

    expect(res.status).toBe(200);
    expect(validateApiResponse('TenantRequestsResponse', res.body)).toEqual([]);
    expect(res.body.configured).toBe(true);
    expect(
      res.body.items.map((r: any) => [r.number, r.title, r.state]),
    ).toEqual([
      [1, 'New a-dev', 'merged'],
      [3, 'New c-dev', 'open'],
    ]);
    expect(res.body.items[1].url).toContain('requests.json#3');
  });

  it('says when no GitOps repository is configured', async () => {
    const server = await startBackend({});
    const res = await request(server).get(
      '/api/tenancy/v1/entities/tenant/default/tenant-0000/requests',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], configured: false });
  });

  it('reports an unreadable repository in the answer, without its details', async () => {
    const server = await startBackend({
      gitops: { publisher: { type: 'local', path: `${dir.path}/missing` } },
    });
    const res = await request(server).get(
      '/api/tenancy/v1/entities/tenant/default/tenant-0000/requests',
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect(res.body.error).toMatch(/could not be read/);
    expect(JSON.stringify(res.body)).not.toContain(dir.path);
  });

  it('answers 404 for an entity that is not a tenant', async () => {
    const server = await startBackend({});
    const res = await request(server).get(
      '/api/tenancy/v1/entities/resource/default/tenant-0000-0-dev/requests',
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('No tenant entity');
  });
});
