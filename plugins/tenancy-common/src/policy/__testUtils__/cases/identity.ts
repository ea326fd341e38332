import { Case, context } from '../namespaceRequest';

/** Bad inputs of the identity rules. */
export const identityCases: Case[] = [
  // identity groups
  [
    'system group',
    () => {},
    'tenant.ssoGroup',
    'system-group',
    context({ ssoGroup: 'system:masters' }),
  ],
  [
    'wildcard group',
    () => {},
    'tenant.ssoGroup',
    'wildcard',
    context({ ssoGroup: 'payments-*' }),
  ],
  [
    'group with spaces',
    () => {},
    'tenant.ssoGroup',
    'characters',
    context({ ssoGroup: 'payments devs' }),
  ],
  [
    'tenant without identity group',
    () => {},
    'tenant.ssoGroup',
    'required',
    context({ ssoGroup: undefined }),
  ],
];
