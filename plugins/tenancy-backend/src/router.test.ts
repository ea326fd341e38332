import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { startTenancyBackend } from './__testUtils__/startTenancyBackend';
import { validateApiResponse } from './__testUtils__/validateApiResponse';

const document = parse(
  readFileSync(resolve(__dirname, 'schema/openapi.yaml'), 'utf8'),
);

jest.setTimeout(30_000);

describe('the router generated from openapi.yaml', () => {
  let server: any;
  beforeAll(async () => {
    server = await startTenancyBackend({
      policy: {
        environments: { dev: { clusters: ['cluster-1'] } },
        quotaSizes: { S: { 'requests.cpu': '1', 'limits.cpu': '2' } },
      },
    });
  });

  const check = (body: unknown) =>
    request(server)
      .post('/api/tenancy/v1/provisioning/namespace-check')
      .send(body as object);

  it('answers 400 naming the field of a body with a wrong type', async () => {
    const res = await check({ tenant: 5, environment: 'dev' });
    expect(res.status).toBe(400);
    expect(validateApiResponse('Error', res.body)).toEqual([]);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: 'request/body/tenant must be string',
    });

    const quota = await check({
      tenant: 'tenant:default/tenant-0000',
      environment: 'dev',
      quota: { 'requests.cpu': 2 },
    });
    expect(quota.status).toBe(400);
    expect(quota.body.error.message).toBe(
      'request/body/quota/requests.cpu must be string',
    );
  });

  it('answers 400 naming a missing field', async () => {
    const res = await check({ tenant: 'tenant:default/tenant-0000' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      "request/body must have required property 'environment'",
    );
    const empty = await check({});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain("required property 'tenant'");
  });

  it('refuses fields the document does not define, and bodies that are not JSON', async () => {
    const unknown = await check({
      tenant: 'tenant:default/tenant-0000',
      environment: 'dev',
      sise: 'S',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      'request/body/sise must NOT be valid',
    );

    const notJson = await request(server)
      .post('/api/tenancy/v1/provisioning/namespace-check')
      .set('Content-Type', 'application/json')
      .send('{"tenant":');
    expect(notJson.status).toBe(400);
  });

  it('lets a body that matches the document through to the check', async () => {
    const res = await check({
      tenant: 'tenant:default/tenant-0000',
      environment: 'dev',
      name: 'web',
      size: 'S',
    });
    expect(res.status).toBe(200);
    expect(validateApiResponse('NamespaceCheckResponse', res.body)).toEqual([]);
    expect(res.body.namespace).toBe('tenant-0000-web-dev');
  });

  it('names a query parameter the document does not know', async () => {
    const res = await request(server).get(
      '/api/tenancy/v1/tenants?window=7d&windw=30d',
    );
    expect(res.status).toBe(400);
    expect(validateApiResponse('Error', res.body)).toEqual([]);
    expect(res.body.error.message).toContain('windw');
    const known = await request(server).get(
      '/api/tenancy/v1/tenants?window=1d',
    );
    expect(known.status).toBe(200);
    expect(known.body.window).toBe('1d');
    const defaulted = await request(server).get('/api/tenancy/v1/tenants');
    expect(defaulted.body.window).toBe('7d');
  });

  it('serves its API document at /api/tenancy/openapi.json', async () => {
    const res = await request(server).get('/api/tenancy/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.info.title).toBe('tenancy');
    // The paths as a caller reaches them: under the plugin's mount point.
    expect(Object.keys(res.body.paths).sort()).toEqual(
      Object.keys(document.paths)
        .map(path => `/api/tenancy${path}`)
        .sort(),
    );
    expect(
      res.body.paths['/api/tenancy/v1/provisioning/namespace-check'].post
        .operationId,
    ).toBe('checkNamespace');
    expect(res.body.components.schemas).toEqual(document.components.schemas);
  });
});
