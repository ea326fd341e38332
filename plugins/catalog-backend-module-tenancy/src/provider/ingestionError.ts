/**
 * Set by the GitOps provider on an entity whose file failed a check. The
 * Tenant processor turns it into a processing error of that entity, which
 * keeps it out of the catalog (or keeps its last good version) and shows the
 * message where Backstage users look for processing errors.
 */
export const ANNOTATION_INGESTION_ERROR = 'tenancy.io/ingestion-error';
