// libxml2 compiled to WebAssembly, loaded when a run first needs it: its module
// compiles and starts its WebAssembly as it is imported (some 30 ms), which a
// run without XML cases, and a command that validates nothing, never need.
import type * as Libxml2Module from 'libxml2-wasm';

type Libxml2 = typeof Libxml2Module;

let loaded: Libxml2 | undefined;

/** Loads libxml2, once. */
export async function loadLibxml2(): Promise<Libxml2> {
  return (loaded ??= await import('libxml2-wasm'));
}

/** libxml2, loaded before by loadLibxml2: validation itself is synchronous. */
export function libxml2(): Libxml2 {
  if (!loaded) throw new Error('libxml2 is used before it was loaded (loadLibxml2)');
  return loaded;
}
