import { AuthService } from '@backstage/backend-plugin-api';
import {
  GitOpsPublisher,
  ProvisioningDeps,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';

/** What the write actions are built from: the deps of a provisioning request. */
export interface TenancyWriteActionsOptions {
  auth: AuthService;
  deps: Omit<ProvisioningDeps, 'publisher'>;
  /** The GitOps publisher, opened on first use (unset when none is configured). */
  publisher: () => Promise<GitOpsPublisher | undefined>;
}
