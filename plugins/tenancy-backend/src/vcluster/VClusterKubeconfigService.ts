import {
  AuditorService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { tenancyVClusterKubeconfigReadPermission } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { Request } from 'express';
import { z } from 'zod';
import { TenancyCatalogIndex } from '../catalog/TenancyCatalogIndex';
import {
  authorizer,
  createVisibilityCheck,
} from '../permissions/createVisibilityCheck';
import { KubernetesBackendClient } from '../sources/kubernetes/KubernetesBackendClient';
import { BadGatewayError } from './BadGatewayError';
import { vclusterKubeconfigSecret } from './vclusterKubeconfigSecret';

const secretSchema = z.object({
  data: z.record(z.string(), z.string()).optional(),
});

/** A kubeconfig to send as a download. */
export interface KubeconfigDownload {
  filename: string;
  content: string;
}

/**
 * A vCluster's kubeconfig for a user allowed `tenancy.vcluster.kubeconfig.read`
 * on its entity: read from the Secret the vCluster exports into its host
 * namespace, through the Kubernetes backend's proxy, at the moment of the
 * request. Nothing is cached or logged; each retrieval is an audit event
 * (`vcluster-kubeconfig-read`: the user, the vCluster, its cluster and
 * Secret; never the content).
 */
export class VClusterKubeconfigService {
  constructor(
    private readonly catalogIndex: TenancyCatalogIndex,
    private readonly permissions: PermissionsService,
    private readonly kubernetes: KubernetesBackendClient,
    private readonly auditor: AuditorService,
  ) {}

  async kubeconfig(
    ref: string,
    credentials: BackstageCredentials,
    request: Request,
  ): Promise<KubeconfigDownload> {
    const part = (await this.catalogIndex.current(ref)).parts.get(ref);
    const visible = await createVisibilityCheck(this.permissions, credentials);
    if (part?.type !== 'vcluster' || !visible(part.entity)) {
      throw new NotFoundError(`No vCluster entity ${ref}`);
    }
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: tenancyVClusterKubeconfigReadPermission }],
      { credentials },
    );
    const allowed =
      decision.result === AuthorizeResult.CONDITIONAL
        ? authorizer(decision, part.entity)
        : decision.result === AuthorizeResult.ALLOW;
    const secret = vclusterKubeconfigSecret(part);
    const audit = await this.auditor.createEvent({
      eventId: 'vcluster-kubeconfig-read',
      severityLevel: 'high',
      request,
      meta: { entityRef: ref, ...secret },
    });
    if (!allowed) {
      const error = new NotAllowedError(
        `Not allowed to read the kubeconfig of ${ref}: the permission ${tenancyVClusterKubeconfigReadPermission.name} was denied (only members of its owning group and platform admins may)`,
      );
      await audit.fail({ error });
      throw error;
    }
    try {
      const content = await this.readSecret(secret);
      await audit.success();
      return { filename: `${part.entity.metadata.name}.kubeconfig`, content };
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  }

  private async readSecret(
    secret: ReturnType<typeof vclusterKubeconfigSecret>,
  ): Promise<string> {
    const where = `Secret ${secret.namespace}/${secret.name} on cluster ${secret.cluster}`;
    let body: unknown;
    try {
      body = await this.kubernetes.get(
        secret.cluster,
        `/api/v1/namespaces/${encodeURIComponent(
          secret.namespace,
        )}/secrets/${encodeURIComponent(secret.name)}`,
      );
    } catch (error) {
      throw new BadGatewayError(
        `Could not read the kubeconfig ${where}: ${(error as Error).message}`,
      );
    }
    const value = secretSchema.safeParse(body).data?.data?.[secret.key];
    if (!value) {
      throw new BadGatewayError(
        `The kubeconfig ${where} has no key ${secret.key}`,
      );
    }
    return Buffer.from(value, 'base64').toString('utf8');
  }
}
