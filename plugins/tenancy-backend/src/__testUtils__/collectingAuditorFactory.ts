import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { DefaultAuditorService } from '@backstage/backend-defaults/auditor';

type AuditEvent = Parameters<
  Parameters<typeof DefaultAuditorService.create>[0]
>[0];

/**
 * Each plugin's own auditor (its actor read with the plugin's own httpAuth),
 * keeping the events of `pluginId` that ended (succeeded or failed).
 */
export function collectingAuditorFactory(pluginId = 'tenancy') {
  const events: AuditEvent[] = [];
  const factory = createServiceFactory({
    service: coreServices.auditor,
    deps: {
      auth: coreServices.auth,
      httpAuth: coreServices.httpAuth,
      plugin: coreServices.pluginMetadata,
    },
    factory: deps =>
      DefaultAuditorService.create(event => {
        if (deps.plugin.getId() === pluginId && event.status !== 'initiated') {
          events.push(event);
        }
      }, deps),
  });
  return { factory, events };
}
