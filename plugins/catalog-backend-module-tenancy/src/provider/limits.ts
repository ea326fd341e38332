/**
 * How much of a GitOps repository the provider reads and parses. The
 * repository is written by pull requests anyone with access may open, so its
 * content is treated as hostile: each limit bounds the memory and time one
 * refresh may spend. Documented in the module's README.
 */

/** Bytes of one file; a larger file is not parsed and fails its own entity. */
export const MAX_FILE_BYTES = 256 * 1024;

/**
 * Alias resolutions of one file, as counted by the `yaml` library
 * (`toJS({ maxAliasCount })`: each alias weighted by the aliases inside what
 * it points to). Beyond it (a "billion laughs" file), the file fails its own
 * entity. Hand-written anchors (`&defaults` reused a few times) stay far below.
 */
export const MAX_ALIAS_COUNT = 50;

/**
 * Files the provider reads in one refresh (those the layout selects: clusters,
 * tenants, entity files). Beyond it the refresh fails as a whole and the
 * catalog keeps what it had: ingesting a cut tree would delete the entities
 * of the files left out.
 */
export const MAX_TREE_FILES = 50_000;

/** Bytes of the files read in one refresh; beyond it, as for `MAX_TREE_FILES`. */
export const MAX_TREE_BYTES = 64 * 1024 * 1024;
