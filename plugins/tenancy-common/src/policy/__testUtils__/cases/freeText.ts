import { Case } from '../namespaceRequest';

/** Bad inputs of the freeText rules. */
export const freeTextCases: Case[] = [
  // free text
  [
    'purpose with control characters',
    i => (i.purpose = 'ok\u0000'),
    'purpose',
    'characters',
  ],
  [
    'purpose too long',
    i => (i.purpose = 'x'.repeat(1001)),
    'purpose',
    'length',
  ],
];
