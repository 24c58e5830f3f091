/** A problem with what the user gave us: flags, config, data files. Exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** Already printed, with usage, by the argument parser. */
  shown = false;
}

/** An identity service that cannot be used (unreachable, or no usable token): the run is untestable, exit 3. */
export class IdentityServiceError extends Error {
  override name = 'IdentityServiceError';
}
