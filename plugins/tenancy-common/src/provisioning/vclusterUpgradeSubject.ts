/**
 * The subject (last part of the request branch) of a vCluster's upgrade to
 * a chart version: `<vcluster>-upgrade-<version>`, one request per vCluster
 * and version.
 *
 * @public
 */
export function vclusterUpgradeSubject(
  vcluster: string,
  version: string,
): string {
  return `${vcluster}-upgrade-${version}`;
}

/**
 * The vCluster and chart version of an upgrade request's subject, or
 * undefined for another subject. A version is a semantic version, so a
 * namespace named `…-upgrade-…` followed by something else is not one.
 *
 * @public
 */
export function parseVClusterUpgradeSubject(
  subject: string,
): { vcluster: string; version: string } | undefined {
  const match = /^(.+)-upgrade-(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?)$/.exec(
    subject,
  );
  return match ? { vcluster: match[1], version: match[2] } : undefined;
}
