import { Case, context } from '../namespaceRequest';

/** Bad inputs of the names rules. */
export const namesCases: Case[] = [
  // names: DNS-1123, on the final composed name
  ['upper-case name', i => (i.name = 'API'), 'name', 'dns-1123'],
  ['underscore in name', i => (i.name = 'my_api'), 'name', 'dns-1123'],
  ['dot in name', i => (i.name = 'my.api'), 'name', 'dns-1123'],
  ['leading dash', i => (i.name = '-api'), 'name', 'dns-1123'],
  ['trailing dash', i => (i.name = 'api-'), 'name', 'dns-1123'],
  ['empty name part', i => (i.name = ''), 'name', 'dns-1123'],
  [
    'composed name over 63 characters',
    i => (i.name = 'a'.repeat(52)),
    'name',
    'dns-1123',
  ],
  ['path segments in name', i => (i.name = '../../etc'), 'name', 'dns-1123'],
  ['slash in name', i => (i.name = 'a/b'), 'name', 'dns-1123'],
  [
    'YAML smuggled into name',
    i => (i.name = 'a\nkind: Secret'),
    'name',
    'dns-1123',
  ],
  [
    'template syntax in name',
    i => (i.name = '${{ secrets.token }}'),
    'name',
    'dns-1123',
  ],
  ['space in name', i => (i.name = 'my api'), 'name', 'dns-1123'],
  ['unicode in name', i => (i.name = 'äpi'), 'name', 'dns-1123'],
  [
    'environment not a DNS label',
    i => (i.environment = 'Dev'),
    'environment',
    'dns-1123',
  ],
  [
    'cluster with path segments',
    i => (i.cluster = '../prod'),
    'cluster',
    'dns-1123',
  ],
  // reserved and platform namespaces, prefixes
  ['reserved namespace', i => (i.name = 'admin'), 'name', 'reserved'],
  [
    'overlap with another tenant prefix',
    i => (i.name = 'eu'),
    'name',
    'prefix-overlap',
    context({}, ['payments-eu']),
  ],
  [
    'reserved platform prefix',
    i => {
      i.tenant = 'platform';
      i.name = 'x';
    },
    'name',
    'reserved-prefix',
    {
      ...context(),
      tenant: { name: 'platform', environments: ['dev'], ssoGroup: 'g' },
    },
  ],
];
