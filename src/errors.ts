/** A problem with what the user gave us: flags, config, data files. Exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** Already printed, with usage, by the argument parser. */
  shown = false;
}

/** The target as a whole cannot be tested: unreachable, or answers nothing usable. Exit 3. */
export class TargetError extends Error {
  override name = 'TargetError';
}
