import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { FleetService } from './services/FleetService';

/**
 * Translates HTTP to the tenancy services. No logic lives here.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  fleet: FleetService;
}): Promise<express.Router> {
  const { httpAuth, fleet } = options;
  const router = Router();
  router.use(express.json());

  router.get('/v1/tenants', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await fleet.listTenants({ credentials }));
  });

  return router;
}
