import { Config } from '@backstage/config';

/** How the backend authenticates to an Argo CD instance. */
export type ArgoCdAuth =
  | { token: string }
  | { username: string; password: string };

/** An instance of `argocd.appLocatorMethods` of type `config`. */
export interface ArgoCdInstanceConfig {
  name: string;
  url: string;
  auth: ArgoCdAuth;
}

/** Maps an Argo CD destination (server URL or cluster name) to a Backstage cluster. */
export interface ArgoCdDestinationMapping {
  instance?: string;
  server?: string;
  name?: string;
  cluster: string;
}

/**
 * Reads the Argo CD instances in the schema the Roadie and Red Hat Argo CD
 * plugins share: `argocd.appLocatorMethods[]` of type `config`, each with
 * `instances[]`. An instance's `token` wins; without one, the backend signs
 * in with the instance's `username` and `password`, each falling back to
 * `argocd.username` / `argocd.password`. An instance without either, a
 * URL that is not http(s) or a name used twice stops start-up with an error
 * naming the instance.
 */
export function readArgoCdInstances(config: Config): ArgoCdInstanceConfig[] {
  const sharedUsername = config.getOptionalString('argocd.username');
  const sharedPassword = config.getOptionalString('argocd.password');
  const seen = new Map<string, string>();
  const methods = config.getOptionalConfigArray('argocd.appLocatorMethods');
  return (methods ?? []).flatMap((method, m) => {
    if (method.getString('type') !== 'config') return [];
    return (method.getOptionalConfigArray('instances') ?? []).map(
      (instance, i) => {
        const at = `argocd.appLocatorMethods[${m}].instances[${i}]`;
        const name = instance.getString('name');
        const url = instance.getString('url').replace(/\/+$/, '');
        if (seen.has(name)) {
          throw new Error(
            `${at}: name "${name}" is also the name of ${seen.get(
              name,
            )}; Argo CD instance names must be unique`,
          );
        }
        seen.set(name, at);
        if (!/^https?:\/\/[^/]/.test(url)) {
          throw new Error(`${at}.url must be an http: or https: URL`);
        }
        const token = instance.getOptionalString('token');
        const username =
          instance.getOptionalString('username') ?? sharedUsername;
        const password =
          instance.getOptionalString('password') ?? sharedPassword;
        let auth: ArgoCdAuth;
        if (token) auth = { token };
        else if (username && password) auth = { username, password };
        else {
          throw new Error(
            `${at} (${name}) needs a token, or a username and a password (its own or argocd.username and argocd.password)`,
          );
        }
        return { name, url, auth };
      },
    );
  });
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
