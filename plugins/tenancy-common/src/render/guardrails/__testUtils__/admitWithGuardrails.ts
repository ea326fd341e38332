/*
 * Test helper: what the admission controllers would do with a request,
 * given rendered guardrail objects of any engine. Stands in for Kyverno,
 * the API server's ValidatingAdmissionPolicy plugin and Gatekeeper: matches
 * resource, operation and namespace selector as they do, then evaluates the
 * objects' own CEL (variables in order, then validations) with a CEL
 * evaluator. The Kubernetes CEL libraries beyond the standard (e.g.
 * `quantity()`) are not there, and the policies do not use them.
 */
import { Environment } from '@marcbachmann/cel-js';

export interface AdmissionReview {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  /** Plural resource and group, e.g. `pods`, ``. */
  resource: string;
  group?: string;
  kind: string;
  object: any;
  oldObject?: any;
  /** Labels of the object's namespace; for a Namespace its own. */
  namespaceLabels?: Record<string, string>;
  username?: string;
  groups?: string[];
}

export interface Verdict {
  /** The matching object: policy, binding or constraint name. */
  name: string;
  /** What the engine does with a failure: Deny, Audit/Warn, deny, warn. */
  actions: string[];
  messages: string[];
}

const env = new Environment({ unlistedVariablesAreDyn: true });

function matchesSelector(
  selector: any,
  labels: Record<string, string> = {},
): boolean {
  if (!selector) return true;
  const exprOk = (selector.matchExpressions ?? []).every((e: any) => {
    const has = e.key in labels;
    switch (e.operator) {
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      case 'In':
        return has && e.values.includes(labels[e.key]);
      case 'NotIn':
        return !has || !e.values.includes(labels[e.key]);
      default:
        throw new Error(`operator ${e.operator}`);
    }
  });
  return (
    exprOk &&
    Object.entries(selector.matchLabels ?? {}).every(
      ([k, v]) => labels[k] === v,
    )
  );
}

function matchesRules(rules: any[], review: AdmissionReview): boolean {
  return rules.some(
    r =>
      r.apiGroups.includes(review.group ?? '') &&
      r.resources.includes(review.resource) &&
      r.operations.includes(review.operation),
  );
}

/** Evaluates variables then validations; returns the failed messages. */
export function evaluateCel(
  variables: Array<{ name: string; expression: string }>,
  validations: Array<{ expression: string; messageExpression?: string }>,
  review: AdmissionReview,
  initial: Record<string, unknown> = {},
): string[] {
  const context: Record<string, any> = {
    object: review.operation === 'DELETE' ? null : review.object,
    oldObject: review.operation === 'CREATE' ? null : review.oldObject ?? null,
    request: {
      operation: review.operation,
      kind: { group: review.group ?? '', kind: review.kind },
      userInfo: {
        username: review.username ?? 'alice@example.com',
        groups: review.groups ?? ['system:authenticated'],
      },
    },
    variables: { ...initial },
  };
  for (const v of variables) {
    context.variables[v.name] = env.evaluate(v.expression, context);
  }
  return validations.flatMap(v => {
    const ok = env.evaluate(v.expression, context);
    if (typeof ok !== 'boolean') {
      throw new Error(`${v.expression} is not a boolean`);
    }
    return ok
      ? []
      : [String(env.evaluate(v.messageExpression ?? "'failed'", context))];
  });
}

/** Every matching guardrail object's verdict on the request (failures only have messages). */
export function admitWithGuardrails(
  objects: any[],
  review: AdmissionReview,
): Verdict[] {
  const labels =
    review.kind === 'Namespace'
      ? (review.object ?? review.oldObject)?.metadata?.labels
      : review.namespaceLabels;
  const verdicts: Verdict[] = [];
  for (const o of objects) {
    if (o.kind === 'ValidatingPolicy') {
      const m = o.spec.matchConstraints;
      if (
        matchesRules(m.resourceRules, review) &&
        matchesSelector(m.namespaceSelector, labels)
      ) {
        verdicts.push({
          name: o.metadata.name,
          actions: o.spec.validationActions,
          messages: evaluateCel(o.spec.variables, o.spec.validations, review),
        });
      }
    } else if (o.kind === 'ValidatingAdmissionPolicyBinding') {
      const policy = objects.find(
        p =>
          p.kind === 'ValidatingAdmissionPolicy' &&
          p.metadata.name === o.spec.policyName,
      );
      if (
        matchesRules(policy.spec.matchConstraints.resourceRules, review) &&
        matchesSelector(o.spec.matchResources?.namespaceSelector, labels)
      ) {
        verdicts.push({
          name: o.metadata.name,
          actions: o.spec.validationActions,
          messages: evaluateCel(
            policy.spec.variables,
            policy.spec.validations,
            review,
          ),
        });
      }
    } else if (o.apiVersion === 'constraints.gatekeeper.sh/v1beta1') {
      const template = objects.find(
        t =>
          t.kind === 'ConstraintTemplate' &&
          t.spec.crd.spec.names.kind === o.kind,
      );
      if (!template) throw new Error(`no template for ${o.kind}`);
      const [target] = template.spec.targets;
      const kindMatch = o.spec.match.kinds.some(
        (k: any) =>
          k.apiGroups.includes(review.group ?? '') &&
          k.kinds.includes(review.kind),
      );
      if (
        kindMatch &&
        target.operations.includes(review.operation) &&
        matchesSelector(o.spec.match.namespaceSelector, labels)
      ) {
        const { source } = target.code.find(
          (c: any) => c.engine === 'K8sNativeValidation',
        );
        verdicts.push({
          name: o.metadata.name,
          actions: [o.spec.enforcementAction],
          messages: evaluateCel(source.variables, source.validations, review, {
            params: o.spec.parameters ?? {},
          }),
        });
      }
    }
  }
  return verdicts;
}
