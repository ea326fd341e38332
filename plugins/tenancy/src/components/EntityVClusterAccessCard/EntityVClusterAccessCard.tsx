import { stringifyEntityRef } from '@backstage/catalog-model';
import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  TENANCY_ANNOTATIONS,
  tenancyVClusterKubeconfigReadPermission,
  vclusterArgoCluster,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { tenancyApiRef } from '../../api/TenancyApi';
import { downloadFile } from '../shared/downloadFile';

/**
 * How to reach a vCluster, on its entity page: its API server (the
 * vCluster's Service in the host namespace, the server of the kubeconfig it
 * exports), the `vcluster connect` command, and for the members of its
 * owning group and platform admins (`tenancy.vcluster.kubeconfig.read`) a
 * "Download kubeconfig" button; others see who may, and no button.
 *
 * @public
 */
export function EntityVClusterAccessCard() {
  const { entity } = useEntity();
  const api = useApi(tenancyApiRef);
  const alertApi = useApi(alertApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { allowed, loading } = usePermission({
    permission: tenancyVClusterKubeconfigReadPermission,
    resourceRef: entityRef,
  });
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const name = entity.metadata.name;
  const hostNamespace =
    entity.metadata.annotations?.[TENANCY_ANNOTATIONS.kubernetesNamespace] ??
    name;
  const cluster =
    entity.metadata.annotations?.[TENANCY_ANNOTATIONS.kubernetesCluster];
  const owner = entity.spec?.owner as string | undefined;

  const download = async () => {
    setBusy(true);
    try {
      const { filename, content } = await api.getVClusterKubeconfig(entityRef);
      downloadFile(filename, content, 'application/yaml');
      setSaved(filename);
    } catch (error) {
      alertApi.post({
        message: `Could not download the kubeconfig of ${name}: ${
          (error as Error).message
        }`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <InfoCard title="vCluster access">
      <Typography variant="subtitle2">API server</Typography>
      <Typography variant="body2" paragraph>
        <code>{vclusterArgoCluster(hostNamespace).server}</code>
        {cluster
          ? ` (in cluster ${cluster}, host namespace ${hostNamespace})`
          : ''}
      </Typography>
      <Typography variant="subtitle2">Connect</Typography>
      <CodeSnippet
        language="shell"
        text={`vcluster connect ${name} -n ${hostNamespace}`}
        showCopyCodeButton
        wrapLongLines
        customStyle={{ paddingRight: 48 }}
      />
      {allowed && (
        <Box mt={2}>
          <Button
            variant="contained"
            color="primary"
            disabled={busy}
            onClick={download}
          >
            Download kubeconfig
          </Button>
          {saved && (
            <Box mt={2}>
              <Typography variant="body2">
                Saved as {saved}. Its server is the vCluster's Service,
                reachable from inside the host cluster; from elsewhere,{' '}
                <code>vcluster connect</code> forwards a local port.
              </Typography>
              <CodeSnippet
                language="shell"
                text={`kubectl --kubeconfig ${saved} get ns`}
                showCopyCodeButton
                wrapLongLines
                customStyle={{ paddingRight: 48 }}
              />
            </Box>
          )}
        </Box>
      )}
      {!allowed && !loading && (
        <Box mt={2}>
          <Typography variant="body2" color="textSecondary">
            Only the members of{' '}
            {owner ? <EntityRefLink entityRef={owner} /> : 'its owner'} and the
            platform admins may download its kubeconfig (
            <code>tenancy.vcluster.kubeconfig.read</code>).
          </Typography>
        </Box>
      )}
    </InfoCard>
  );
}
