import { JsonObject } from '@backstage/types';

/** The whole form's data (all steps), as the scaffolder hands it to fields. */
export function formDataOf(props: {
  formContext?: { formData?: JsonObject };
}): JsonObject {
  return props.formContext?.formData ?? {};
}

/** Environment and cluster, as the placement field stores them. */
export interface Placement {
  environment?: string;
  cluster?: string;
}

/** The placement in the form data: the placement field's, or flat fields. */
export function placementOf(formData: JsonObject): Placement {
  const placement = (formData.placement ?? {}) as Placement;
  return {
    environment:
      placement.environment ?? (formData.environment as string | undefined),
    cluster: placement.cluster ?? (formData.cluster as string | undefined),
  };
}
