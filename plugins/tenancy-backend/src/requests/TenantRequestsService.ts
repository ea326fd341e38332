import {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  isTenantEntity,
  TenantRequestsResponse,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  GitOpsPublisher,
  requestBranchPrefix,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { TenancyCatalogIndex } from '../catalog/TenancyCatalogIndex';
import { createVisibilityCheck } from '../permissions/createVisibilityCheck';

/** How long a tenant's list is reused, so page views do not hit the forge. */
const REUSE_MS = 15_000;

/**
 * Reads a tenant's provisioning requests (pull requests on the GitOps
 * repository, found by their branch prefix) for the tenant page. A failing
 * repository is reported in the answer, not as an HTTP error.
 */
export class TenantRequestsService {
  private readonly recent = new Map<
    string,
    { at: number; answer: TenantRequestsResponse }
  >();

  constructor(
    private readonly catalogIndex: TenancyCatalogIndex,
    private readonly permissions: PermissionsService,
    private readonly publisher: () => Promise<GitOpsPublisher | undefined>,
    private readonly logger: LoggerService,
  ) {}

  async tenantRequests(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<TenantRequestsResponse> {
    const [catalog, visible] = await Promise.all([
      this.catalogIndex.current(ref),
      createVisibilityCheck(this.permissions, credentials),
    ]);
    const entity = catalog.byRef.get(ref);
    if (!entity || !isTenantEntity(entity)) {
      throw new NotFoundError(`No tenant entity ${ref}`);
    }
    if (!visible(entity)) {
      throw new NotAllowedError(`Not allowed to read the requests of ${ref}`);
    }
    const reused = this.recent.get(ref);
    if (reused && Date.now() - reused.at < REUSE_MS) return reused.answer;

    try {
      const publisher = await this.publisher();
      if (!publisher) return { items: [], configured: false };
      const requests = await publisher.listRequests(
        requestBranchPrefix(entity.metadata.name),
      );
      const answer: TenantRequestsResponse = {
        configured: true,
        // The fingerprint is the publisher's business, not the page's.
        items: requests.map(({ fingerprint, ...request }) => request),
      };
      this.recent.set(ref, { at: Date.now(), answer });
      return answer;
    } catch (error) {
      this.logger.warn(`Could not list the requests of ${ref}`, error as Error);
      return {
        configured: true,
        items: [],
        error: 'the GitOps repository could not be read; see the backend logs',
      };
    }
  }
}
