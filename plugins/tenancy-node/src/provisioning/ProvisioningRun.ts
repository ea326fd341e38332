import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';

/**
 * One run of a provisioning request, whoever runs it: a scaffolder task (the
 * tenancy actions) or an action of the actions registry (the tenancy
 * backend's tools for AI agents). The request's steps see only this.
 *
 * @public
 */
export interface ProvisioningRun {
  /** Renders and checks, writes nothing to the repository. */
  readonly isDryRun: boolean;
  readonly logger: LoggerService;
  /** The user entity ref the run is for, as known before authorization. */
  readonly userRef?: string;
  /** The scaffolder task, where there is one. */
  readonly taskId?: string;
  /** The requester's own credentials: every read and check is made with them. */
  credentials(): Promise<BackstageCredentials>;
  /** Sets one output of the run. */
  output(name: string, value: JsonValue): void;
  /** Runs a side effect once per run, even when the run is retried. */
  checkpoint<T extends JsonValue | void>(
    key: string,
    fn: () => Promise<T>,
  ): Promise<T>;
  /** Receives the rendered files of a dry run, or of a run without publisher. */
  writeFiles(files: Record<string, string>): Promise<void>;
}
