import { randomUUID } from 'node:crypto';
import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { GitOpsLayout } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { readTenancyConfig } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { parseGitOpsTree } from './parseGitOpsTree';
import { readGitOpsTree } from './readGitOpsTree';
import { readProviderConfigs } from './readProviderConfigs';

/**
 * Ingests clusters, Tenants, namespaces and vClusters from a GitOps
 * repository on a schedule. One provider per configured id under
 * `catalog.providers.tenancy`; tenants are read from the shared layout's
 * folder (`tenancy.gitops.tenantsPath`), where the actions write them.
 *
 * @public
 */
export class TenancyEntityProvider implements EntityProvider {
  static fromConfig(
    config: Config,
    deps: {
      logger: LoggerService;
      scheduler: SchedulerService;
      reader: UrlReaderService;
    },
  ): TenancyEntityProvider[] {
    const { layout } = readTenancyConfig(config);
    return readProviderConfigs(config, layout).map(
      c =>
        new TenancyEntityProvider(
          c.id,
          c.target,
          c.layout,
          deps.reader,
          deps.logger.child({ target: `TenancyEntityProvider:${c.id}` }),
          deps.scheduler.createScheduledTaskRunner(c.schedule),
        ),
    );
  }

  private connection?: EntityProviderConnection;
  private etag?: string;

  private constructor(
    private readonly id: string,
    private readonly target: string,
    private readonly layout: GitOpsLayout,
    private readonly reader: UrlReaderService,
    private readonly logger: LoggerService,
    private readonly taskRunner: SchedulerServiceTaskRunner,
  ) {}

  getProviderName(): string {
    return `TenancyEntityProvider:${this.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    const id = `${this.getProviderName()}:refresh`;
    await this.taskRunner.run({
      id,
      fn: async () => {
        const logger = this.logger.child({
          taskId: id,
          taskInstanceId: randomUUID(),
        });
        try {
          await this.refresh(logger);
        } catch (error) {
          logger.error(
            `Could not read the GitOps repository ${this.target}: ${error}`,
          );
        }
      },
    });
  }

  /** Reads the repository once and replaces this provider's entities. */
  async refresh(logger: LoggerService = this.logger): Promise<void> {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    const started = Date.now();
    const tree = await readGitOpsTree({
      target: this.target,
      reader: this.reader,
      wanted: path => this.layout.classify(path) !== undefined,
      etag: this.etag,
    });
    if (!tree) {
      logger.debug(`${this.target} is unchanged`);
      return;
    }

    const { entities, problems } = parseGitOpsTree({
      files: tree.files,
      layout: this.layout,
      locationOf: tree.locationOf,
    });
    for (const problem of problems) {
      logger.warn(`Skipped ${problem.message}`);
    }

    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
    this.etag = tree.etag;
    logger.info(
      `Read ${entities.length} entities (${
        problems.length
      } with problems) from ${tree.files.length} files in ${
        Date.now() - started
      } ms`,
    );
  }
}
