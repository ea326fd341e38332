import { Config } from '@backstage/config';

/** An instance of `argocd.appLocatorMethods` of type `config`. */
export interface ArgoCdInstanceConfig {
  name: string;
  url: string;
  token?: string;
  username?: string;
  password?: string;
}

/** Maps an Argo CD destination (server URL or cluster name) to a Backstage cluster. */
export interface ArgoCdDestinationMapping {
  instance?: string;
  server?: string;
  name?: string;
  cluster: string;
}

/**
 * Reads the Argo CD instances in the schema the community and Roadie Argo CD
 * plugins share: `argocd.appLocatorMethods[].instances[]` with a token, or a
 * username and password (per instance, or `argocd.username`/`password`).
 */
export function readArgoCdInstances(config: Config): ArgoCdInstanceConfig[] {
  const username = config.getOptionalString('argocd.username');
  const password = config.getOptionalString('argocd.password');
  return (config.getOptionalConfigArray('argocd.appLocatorMethods') ?? [])
    .filter(m => m.getString('type') === 'config')
    .flatMap(m => m.getOptionalConfigArray('instances') ?? [])
    .map(i => ({
      name: i.getString('name'),
      url: i.getString('url').replace(/\/+$/, ''),
      token: i.getOptionalString('token'),
      username: i.getOptionalString('username') ?? username,
      password: i.getOptionalString('password') ?? password,
    }));
}

/** Reads `tenancy.argocd.destinations`. */
export function readArgoCdDestinations(
  config: Config,
): ArgoCdDestinationMapping[] {
  return (
    config.getOptionalConfigArray('tenancy.argocd.destinations') ?? []
  ).map(d => ({
    instance: d.getOptionalString('instance'),
    server: d.getOptionalString('server'),
    name: d.getOptionalString('name'),
    cluster: d.getString('cluster'),
  }));
}
