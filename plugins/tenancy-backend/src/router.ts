import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import express from 'express';
import { ProvisioningMetricsService } from './metrics/ProvisioningMetricsService';
import { ProvisioningCheckService } from './provisioning/ProvisioningCheckService';
import { TenantRequestsService } from './requests/TenantRequestsService';
import { createOpenApiRouter } from './schema/openapi';
import { toJson } from './summary/SharedAnswers';
import { SummaryService } from './summary/SummaryService';
import { VClusterKubeconfigService } from './vcluster/VClusterKubeconfigService';

/**
 * Sends an answer of the document's type as JSON written once per answer
 * object (see {@link toJson}), so a shared answer is serialised once.
 */
function sendJson<T>(res: express.Response<T>, answer: T & object) {
  (res as express.Response).type('application/json').send(toJson(answer));
}

/**
 * Translates HTTP to the services. No logic lives here: the router generated
 * from `src/schema/openapi.yaml` rejects requests whose parameters, query or
 * body do not match the document (400, naming the field) before a handler
 * runs, and serves the document at `/openapi.json`.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  summaries: SummaryService;
  requests: TenantRequestsService;
  provisioning: ProvisioningCheckService;
  provisioningMetrics: ProvisioningMetricsService;
  kubeconfigs: VClusterKubeconfigService;
}): Promise<express.Router> {
  const { httpAuth, summaries, requests, provisioning } = options;
  const router = await createOpenApiRouter({
    middleware: [express.json({ limit: '64kb' })],
    validatorOptions: {
      // Who may call is the httpAuth service's answer (401), not the document's.
      validateSecurity: false,
    },
  });
  const credentials = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  const entityRef = (params: {
    kind: string;
    namespace: string;
    name: string;
  }) => stringifyEntityRef(params);

  router.get(
    '/v1/entities/:kind/:namespace/:name/summary',
    async (req, res) => {
      const summary = await summaries.entitySummary(
        entityRef(req.params),
        req.query.window ?? '7d',
        await credentials(req),
      );
      sendJson(res, summary);
    },
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/requests',
    async (req, res) => {
      res.json(
        await requests.tenantRequests(
          entityRef(req.params),
          await credentials(req),
        ),
      );
    },
  );

  // A credential: never stored by a cache or proxy, saved as a file.
  router.get(
    '/v1/entities/:kind/:namespace/:name/kubeconfig',
    async (req, res) => {
      const { filename, content } = await options.kubeconfigs.kubeconfig(
        entityRef(req.params),
        await httpAuth.credentials(req, { allow: ['user'] }),
        req,
      );
      // YAML, which the document describes in words (its types are JSON's).
      (res as express.Response)
        .set('Cache-Control', 'no-store')
        .attachment(filename)
        .type('application/yaml')
        .send(content);
    },
  );

  router.get('/v1/tenants', async (req, res) => {
    const fleet = await summaries.fleet(
      req.query.window ?? '7d',
      await credentials(req),
    );
    sendJson(res, fleet);
  });

  router.get('/v1/sources', async (req, res) => {
    await credentials(req);
    res.json(await summaries.sources());
  });

  router.get(
    '/v1/clusters/:cluster/namespaces/:namespace/observed',
    async (req, res) => {
      res.json(
        await summaries.observedNamespace(
          req.params.cluster,
          req.params.namespace,
          await credentials(req),
        ),
      );
    },
  );

  router.get('/v1/provisioning/policy', async (req, res) => {
    await credentials(req);
    res.json(provisioning.policyForWizard());
  });

  router.get('/v1/provisioning/metrics', async (req, res) => {
    res.json(await options.provisioningMetrics.metrics(await credentials(req)));
  });

  router.post('/v1/provisioning/namespace-check', async (req, res) => {
    res.json(
      await provisioning.checkNamespace(req.body, await credentials(req)),
    );
  });

  return router;
}
