/** Runs `fn` with `vars` in process.env, then puts every variable back as it was. */
export async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Every OS_* / CONFORM_* variable of the shell running the tests, blanked: only what a test sets counts. */
export function blankAuthEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.keys(process.env)
      .filter((k) => k.startsWith('OS_') || k.startsWith('CONFORM_'))
      .map((k) => [k, '']),
  );
}
