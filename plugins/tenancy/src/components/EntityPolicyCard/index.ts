export { EntityPolicyCard } from './EntityPolicyCard';
