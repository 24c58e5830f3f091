import yargs from 'yargs';
import { authOptions } from '../../auth/cliFlags.js';

/**
 * The authentication flags: their values may not be empty (`--token "$UNSET"`
 * must not quietly run without a token), and --identity-token with them.
 */
export function credentialFlags(): string[] {
  const declared = (
    authOptions(yargs([])) as unknown as { getOptions(): { key: Record<string, unknown> } }
  ).getOptions();
  return [...Object.keys(declared.key), 'identity-token'];
}
