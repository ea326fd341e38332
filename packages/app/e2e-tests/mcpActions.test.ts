import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { APIRequestContext, expect, test } from '@playwright/test';

const repoRoot = resolve(__dirname, '../../..');
const gitopsRepo = resolve(repoRoot, '.local/gitops-repo');
const BACKEND = 'http://localhost:7007';

async function guestToken(request: APIRequestContext) {
  const response = await request.get(`${BACKEND}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token as string;
}

/**
 * One JSON-RPC call to the MCP actions backend's streamable HTTP endpoint,
 * as an MCP client sends it; the answer may come as an event stream.
 */
async function mcp(
  request: APIRequestContext,
  token: string,
  id: number,
  method: string,
  params: object,
) {
  const response = await request.post(`${BACKEND}/api/mcp-actions/v1`, {
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json, text/event-stream',
      'Content-Type': 'application/json',
    },
    data: { jsonrpc: '2.0', id, method, params },
  });
  expect(response.status()).toBe(200);
  const text = await response.text();
  const data = text.startsWith('{')
    ? text
    : text
        .split('\n')
        .filter(line => line.startsWith('data: '))
        .map(line => line.slice('data: '.length))
        .join('');
  const answer = JSON.parse(data);
  expect(answer.error).toBeUndefined();
  return answer.result;
}

const branches = (prefix: string) =>
  execFileSync('git', ['branch', '--list', `${prefix}*`], {
    cwd: gitopsRepo,
    encoding: 'utf8',
  }).trim();

test("an MCP client lists the tenancy tools and, as the guest, is refused a namespace for team-checkout's tenant", async ({
  request,
}) => {
  test.setTimeout(90_000);
  const token = await guestToken(request);
  const init = await mcp(request, token, 1, 'initialize', {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'tenancy-e2e', version: '1.0.0' },
  });
  expect(init.serverInfo.name).toBe('Tenancy portal');

  // The catalog has read the tenants shortly after start-up.
  await expect
    .poll(
      async () =>
        (
          await request.get(
            `${BACKEND}/api/catalog/entities/by-name/tenant/default/checkout`,
            { headers: { Authorization: `Bearer ${token}` } },
          )
        ).status(),
      { timeout: 60_000 },
    )
    .toBe(200);

  const { tools } = await mcp(request, token, 2, 'tools/list', {});
  const tool = (name: string) =>
    tools.find((t: any) => t.name === name || t.name.endsWith(`.${name}`));
  for (const name of [
    'get-tenant-summary',
    'get-fleet-overview',
    'list-tenant-requests',
    'check-namespace-name',
  ]) {
    expect(tool(name)?.annotations).toMatchObject({ readOnlyHint: true });
  }
  expect(tool('request-namespace')?.annotations).toMatchObject({
    readOnlyHint: false,
    destructiveHint: false,
  });
  expect(tool('decommission-namespace')?.annotations).toMatchObject({
    destructiveHint: true,
  });

  // A dry run for the guest's own tenant returns the rendered files.
  const part = `mcp${Date.now().toString(36)}`;
  const dryRun = await mcp(request, token, 3, 'tools/call', {
    name: tool('request-namespace').name,
    arguments: {
      tenant: 'payments',
      environment: 'dev',
      cluster: 'nonprod-eu-1',
      name: part,
      size: 'S',
      dryRun: true,
    },
  });
  expect(dryRun.isError).toBeFalsy();
  expect(JSON.stringify(dryRun.content)).toContain('resourcequota.yaml');
  expect(branches(`tenancy/payments/payments-${part}`)).toBe('');

  // For team-checkout's tenant: refused, and nothing written.
  const before = branches('tenancy/checkout/');
  const refused = await mcp(request, token, 4, 'tools/call', {
    name: tool('request-namespace').name,
    arguments: {
      tenant: 'checkout',
      environment: 'dev',
      cluster: 'nonprod-eu-1',
      name: part,
      size: 'S',
    },
  });
  expect(refused.isError).toBe(true);
  expect(JSON.stringify(refused.content)).toContain(
    'user:default/guest may not request for tenant checkout',
  );
  expect(branches('tenancy/checkout/')).toBe(before);
});
