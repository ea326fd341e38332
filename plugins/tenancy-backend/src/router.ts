import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  COST_WINDOWS,
  CostWindow,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import express from 'express';
import Router from 'express-promise-router';
import { ProvisioningCheckService } from './provisioning/ProvisioningCheckService';
import { TenantRequestsService } from './requests/TenantRequestsService';
import { toJson } from './summary/SharedAnswers';
import { SummaryService } from './summary/SummaryService';

function readWindow(value: unknown): CostWindow {
  const window = value === undefined ? '7d' : String(value);
  if (!COST_WINDOWS.includes(window as CostWindow)) {
    throw new InputError(
      `window must be one of ${COST_WINDOWS.join(', ')}, got ${JSON.stringify(
        window,
      )}`,
    );
  }
  return window as CostWindow;
}

/**
 * Translates HTTP to the summary service. No logic lives here; the API is
 * described in `src/schema/openapi.yaml`.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  summaries: SummaryService;
  requests: TenantRequestsService;
  provisioning: ProvisioningCheckService;
}): Promise<express.Router> {
  const { httpAuth, summaries, requests, provisioning } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));
  const credentials = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  const entityRef = (req: express.Request) =>
    stringifyEntityRef({
      kind: req.params.kind,
      namespace: req.params.namespace,
      name: req.params.name,
    });

  router.get(
    '/v1/entities/:kind/:namespace/:name/summary',
    async (req, res) => {
      const window = readWindow(req.query.window);
      const ref = entityRef(req);
      const summary = await summaries.entitySummary(
        ref,
        window,
        await credentials(req),
      );
      res.type('application/json').send(toJson(summary));
    },
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/requests',
    async (req, res) => {
      res.json(
        await requests.tenantRequests(entityRef(req), await credentials(req)),
      );
    },
  );

  router.get('/v1/tenants', async (req, res) => {
    const window = readWindow(req.query.window);
    const fleet = await summaries.fleet(window, await credentials(req));
    res.type('application/json').send(toJson(fleet));
  });

  router.get('/v1/sources', async (req, res) => {
    await credentials(req);
    res.json(await summaries.sources());
  });

  router.get('/v1/provisioning/policy', async (req, res) => {
    await credentials(req);
    res.json(provisioning.policyForWizard());
  });

  router.post('/v1/provisioning/namespace-check', async (req, res) => {
    res.json(
      await provisioning.checkNamespace(req.body, await credentials(req)),
    );
  });

  return router;
}
