import type { TenancyPolicy } from '../../policy/TenancyPolicy';
import type { ValidationProblem } from '../../policy/ValidationProblem';
import { problem } from '../../policy/rules/problem';
import { checkFluxTenantSource } from './checkFluxTenantSource';
import { FLUX_DURATION } from './fluxFormats';

/**
 * A tenant's own delivery with Flux, as a request asks for it: the tenant's
 * repository reconciled into the namespace (see `renderFluxTenantDelivery`).
 *
 * @public
 */
export interface FluxTenantDelivery {
  /** The tenant's repository: a Git URL, or `oci://` for an OCI artifact. */
  url: string;
  /** Git branch; default `main`. Git sources only. */
  branch?: string;
  /** OCI tag; default `latest`. OCI sources only. */
  tag?: string;
  /** The folder in the source to apply, relative; default the root. */
  path?: string;
  /** How often Flux fetches the source and reconciles; default `5m`, at least `1m`. */
  interval?: string;
  /**
   * A Secret in the namespace with the source's credentials (a private
   * repository; required for `ssh://`), created outside the GitOps
   * repository; the objects refer to it by name only.
   */
  secretName?: string;
}

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};
/** The shortest interval a tenant may ask for: the source-controller is shared. */
const MIN_INTERVAL_MS = 60_000;
/** A DNS-1123 subdomain, as Secret names are. */
const SECRET_NAME =
  /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A Go duration such as `1h30m` in milliseconds. */
function durationMs(text: string): number {
  let total = 0;
  for (const [, value, , unit] of text.matchAll(
    /([0-9]+(\.[0-9]+)?)(ms|s|m|h)/g,
  )) {
    total += Number(value) * UNIT_MS[unit];
  }
  return total;
}
/** What `git check-ref-format --branch` refuses in a branch name. */
function branchProblem(branch: string): string | undefined {
  if (branch.startsWith('refs/')) return 'give the branch, not its ref';
  if (branch.startsWith('-')) return 'may not start with "-"';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(branch)) {
    return 'may not hold spaces, control characters or ~^:?*[\\';
  }
  if (branch.includes('..') || branch.includes('@{') || branch === '@') {
    return 'may not hold "..", "@{" or be "@"';
  }
  if (branch.endsWith('.') || branch.endsWith('/')) {
    return 'may not end with "." or "/"';
  }
  const parts = branch.split('/');
  if (parts.some(p => p === '' || p.startsWith('.') || p.endsWith('.lock'))) {
    return 'no empty part, part starting with "." or ending with ".lock"';
  }
  return undefined;
}
/** An OCI tag (distribution spec). */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

/**
 * Problems with a tenant's own delivery, empty when it may be rendered; each
 * names the field (under `prefix`, e.g. `delivery.`) and the rule: the URL
 * (`checkFluxTenantSource`: a URL Flux accepts, allowed by
 * `tenancy.policy.argocd.sourceRepos`), the interval (`duration`, at least a
 * minute: `min-interval`), a branch for Git only (`git-only`,
 * `git-branch`), a tag for OCI only (`oci-only`, `oci-tag`), a relative
 * path inside the source (`relative-path`), and a credentials Secret's name
 * (`dns-1123-subdomain`), required for `ssh://` (`ssh-credentials`).
 *
 * @public
 */
export function checkFluxTenantDelivery(options: {
  tenant: string;
  delivery: FluxTenantDelivery;
  policy: Pick<TenancyPolicy, 'argocd'>;
  /** Put before each field name; default none. */
  prefix?: string;
}): ValidationProblem[] {
  const { tenant, delivery, policy } = options;
  const prefix = options.prefix ?? '';
  const oci = delivery.url.startsWith('oci://');
  const problems = checkFluxTenantSource({
    tenant,
    url: delivery.url,
    policy,
  }).map(p => ({ ...p, field: `${prefix}${p.field}` }));
  if (
    delivery.interval !== undefined &&
    !FLUX_DURATION.test(delivery.interval)
  ) {
    problems.push(
      problem(
        `${prefix}interval`,
        'duration',
        `${JSON.stringify(
          delivery.interval,
        )} must be a Go duration such as 5m or 1h`,
      ),
    );
  } else if (
    delivery.interval !== undefined &&
    durationMs(delivery.interval) < MIN_INTERVAL_MS
  ) {
    problems.push(
      problem(
        `${prefix}interval`,
        'min-interval',
        `${JSON.stringify(
          delivery.interval,
        )} is shorter than 1m: the cluster's source-controller is shared by every tenant`,
      ),
    );
  }
  if (
    delivery.secretName !== undefined &&
    !SECRET_NAME.test(delivery.secretName)
  ) {
    problems.push(
      problem(
        `${prefix}secretName`,
        'dns-1123-subdomain',
        `${JSON.stringify(delivery.secretName)} is not a Secret name`,
      ),
    );
  }
  if (delivery.url.startsWith('ssh://') && delivery.secretName === undefined) {
    problems.push(
      problem(
        `${prefix}secretName`,
        'ssh-credentials',
        'an ssh:// source needs a Secret with its key (secretName) in the namespace; without one Flux cannot fetch it',
      ),
    );
  }
  if (delivery.branch !== undefined) {
    if (oci) {
      problems.push(
        problem(`${prefix}branch`, 'git-only', 'an oci:// source takes a tag'),
      );
    } else {
      const why = branchProblem(delivery.branch);
      if (why) {
        problems.push(
          problem(
            `${prefix}branch`,
            'git-branch',
            `${JSON.stringify(
              delivery.branch,
            )} is not a Git branch name: ${why}`,
          ),
        );
      }
    }
  }
  if (delivery.tag !== undefined) {
    if (!oci) {
      problems.push(
        problem(`${prefix}tag`, 'oci-only', 'a Git source takes a branch'),
      );
    } else if (!TAG.test(delivery.tag)) {
      problems.push(
        problem(
          `${prefix}tag`,
          'oci-tag',
          `${JSON.stringify(delivery.tag)} is not an OCI tag`,
        ),
      );
    }
  }
  if (
    delivery.path !== undefined &&
    (delivery.path.startsWith('/') ||
      delivery.path.split('/').includes('..') ||
      /\s/.test(delivery.path))
  ) {
    problems.push(
      problem(
        `${prefix}path`,
        'relative-path',
        `${JSON.stringify(
          delivery.path,
        )} must be a folder inside the source, relative and without ".." or spaces`,
      ),
    );
  }
  return problems;
}
