import type { TenancyPolicy } from '../../policy/TenancyPolicy';
import type { ValidationProblem } from '../../policy/ValidationProblem';
import { problem } from '../../policy/rules/problem';
import { checkFluxTenantSource } from './checkFluxTenantSource';

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
  /** How often Flux fetches the source and reconciles; default `5m`. */
  interval?: string;
}

const DURATION = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;
/** What Git accepts as a branch name, roughly: no spaces, `..`, `~^:?*[\`. */
const BRANCH = /^(?!\/|.*\/$|.*\.\.|.*@\{)[^\s~^:?*[\\]+$/;
/** An OCI tag (distribution spec). */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

/**
 * Problems with a tenant's own delivery, empty when it may be rendered; each
 * names the field (under `prefix`, e.g. `delivery.`) and the rule: the URL
 * (`checkFluxTenantSource`: a URL Flux accepts, allowed by
 * `tenancy.policy.argocd.sourceRepos`), the interval (`duration`), a branch
 * for Git only (`git-only`, `git-branch`), a tag for OCI only (`oci-only`,
 * `oci-tag`), and a relative path inside the source (`relative-path`).
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
  if (delivery.interval !== undefined && !DURATION.test(delivery.interval)) {
    problems.push(
      problem(
        `${prefix}interval`,
        'duration',
        `${JSON.stringify(
          delivery.interval,
        )} must be a Go duration such as 5m or 30s`,
      ),
    );
  }
  if (delivery.branch !== undefined) {
    if (oci) {
      problems.push(
        problem(`${prefix}branch`, 'git-only', 'an oci:// source takes a tag'),
      );
    } else if (!BRANCH.test(delivery.branch)) {
      problems.push(
        problem(
          `${prefix}branch`,
          'git-branch',
          `${JSON.stringify(delivery.branch)} is not a Git branch name`,
        ),
      );
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
