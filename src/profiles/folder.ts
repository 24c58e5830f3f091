// A profile from a user's folder: catalog.json, suites/*.json and, when the
// folder has them, the generated schemas (faults.schema.json, faults*.xsd);
// without them they are generated in memory, as `npm run schemas` would.
import fs from 'node:fs';
import path from 'node:path';
import type { Profile } from '../model/profile.js';
import { loadCatalogFile } from '../catalog/load.js';
import { loadSuiteDir } from '../suite/load.js';
import { generatedFiles } from '../schemagen/files.js';
import { UsageError } from '../errors.js';
import { assembleProfile } from './load.js';

/** What a profile folder holds, for the messages that say what is missing. */
const LAYOUT = 'a profile folder holds catalog.json and suites/*.json (`conform init DIR` writes one)';

/** The folder as the user gave it, for messages: relative to the working folder when inside it. */
function shownPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir;
}

function checkFolder(dir: string, shown: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new UsageError(`profile folder ${shown} does not exist (${LAYOUT})`);
  }
  if (!stat.isDirectory()) throw new UsageError(`profile folder ${shown} is not a folder (${LAYOUT})`);
  if (!fs.existsSync(path.join(dir, 'catalog.json'))) throw new UsageError(`${shown} has no catalog.json (${LAYOUT})`);
  if (!fs.existsSync(path.join(dir, 'suites'))) throw new UsageError(`${shown} has no suites folder (${LAYOUT})`);
}

/** Reads a generated file of the folder; a file it lacks comes from the generator. */
function schemaSource(dir: string, shown: string, generated: Map<string, string>) {
  return (name: string): string => {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) {
      const text = fs.readFileSync(file, 'utf8');
      if (name.endsWith('.json')) {
        try {
          JSON.parse(text);
        } catch (err) {
          throw new UsageError(`${path.join(shown, name)}: not valid JSON: ${(err as Error).message.split('\n')[0]}`);
        }
      }
      return text;
    }
    const content = generated.get(name);
    if (content === undefined) throw new UsageError(`${shown}: no ${name} and nothing generates it`);
    return content;
  };
}

/**
 * Loads the profile in `dir`, with the same checks as a built-in profile's:
 * every problem is a UsageError, a line per problem naming the file, the JSON
 * pointer and the rule.
 */
export function loadProfileFolder(dir: string): Profile {
  const absolute = path.resolve(dir);
  const shown = shownPath(absolute);
  checkFolder(absolute, shown);
  const catalog = loadCatalogFile(path.join(absolute, 'catalog.json'), path.join(shown, 'catalog.json'));
  const suite = loadSuiteDir(catalog, path.join(absolute, 'suites'), 'suites', path.join(shown, 'suites'));
  const generated = new Map(generatedFiles(catalog).map((f) => [path.basename(f.path), f.content]));
  const broken = (why: string) =>
    new UsageError(`${shown}: its schemas do not compile: ${why} (\`conform schemas ${shown}\` writes them again)`);
  try {
    return assembleProfile(catalog, suite, schemaSource(absolute, shown, generated), {
      folder: absolute,
      generated: generated.get('faults.schema.json'),
      // Its XSDs are compiled when a run first needs them: a broken one is this same error then.
      broken,
    });
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw broken((err as Error).message.split('\n')[0]);
  }
}
