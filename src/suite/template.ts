const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)?)\}/g;

/** The `{names}` a template string refers to. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Fills `{names}` in a string; an unknown name is an error, never left in place silently. */
export function renderString(template: string, vars: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`no value for ${whole}`);
    return value;
  });
}

/** Fills placeholders in every string of a JSON value. */
export function renderValue(value: unknown, vars: Record<string, string>): unknown {
  if (typeof value === 'string') return renderString(value, vars);
  if (Array.isArray(value)) return value.map((v) => renderValue(v, vars));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderValue(v, vars)]));
  }
  return value;
}

/** Placeholders every request may use without a setup step providing them. */
export const BUILTINS: ReadonlySet<string> = new Set(['tenant', 'runId', 'uuid', 'password', 'name']);
