// `conform init DIR`: a small, valid starting profile folder. JSON has no
// comments, so the explanations are in the fields made for them: $comment,
// notes, description, rationale.
import fs from 'node:fs';
import path from 'node:path';
import type { Output } from '../../model/output.js';
import { UsageError } from '../../errors.js';
import { loadProfileFolder } from '../../profiles/folder.js';
import { EXIT } from '../exitCode.js';

/** A profile name from the folder's: lower case, digits, dots and dashes (the catalog's rule). */
function profileName(dir: string): string {
  const name = path
    .basename(path.resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name || 'my-api';
}

const provenance = [{ source: 'conform init', note: 'a starting point: replace with your documentation' }];

function catalog(profile: string) {
  return {
    $comment: [
      'A conform profile: the fault contract of one API. Edit it to say what your documentation says.',
      'faults: every documented fault, with its HTTP codes. envelope: the shape of every fault body.',
      'operations: what the scenarios may call; {placeholders} in paths are filled by each scenario.',
      'documentedStatuses: every status code the documentation lists, success and fault.',
      '`conform schemas DIR` writes the JSON Schema generated from this file; ' +
        'a run generates it in memory otherwise.',
      'Run it: conform --profile ./DIR --target http://your-service:port --token $TOKEN',
    ],
    profile,
    title: `${profile}: fault contract (edit the title)`,
    formats: ['json'],
    provenance,
    notes: [
      'The envelope below is {"error": {"code": <the HTTP status>, "message": "..."}}: ' +
        'change it to what your API sends.',
      "Scenarios needing a token say so in 'requires': without a token given to the run, they are skipped, not passed.",
    ],
    envelope: {
      kind: 'fixed-root',
      root: 'error',
      members: [
        { name: 'code', type: 'integer', required: true },
        { name: 'message', type: 'string', required: true },
      ],
      codeMember: 'code',
      open: true,
    },
    faults: [
      {
        element: 'badRequest',
        codes: [400],
        description: 'The body does not parse, or lacks what the operation needs.',
        provenance,
      },
      { element: 'unauthorized', codes: [401], description: 'No token, or one the service did not issue.', provenance },
      { element: 'itemNotFound', codes: [404], description: 'The path names an item that does not exist.', provenance },
    ],
    faultsOnAnyOperation: ['unauthorized'],
    documentedStatuses: [200, 201, 204, 400, 401, 404],
    operations: [
      { id: 'item.list', method: 'GET', path: '/v1/items', success: 200, faults: [] },
      { id: 'item.create', method: 'POST', path: '/v1/items', success: 201, faults: ['badRequest'] },
      { id: 'item.show', method: 'GET', path: '/v1/items/{item}', success: 200, faults: ['itemNotFound'] },
      { id: 'item.delete', method: 'DELETE', path: '/v1/items/{item}', success: 204, faults: ['itemNotFound'] },
    ],
  };
}

const suite = {
  $comment:
    'Scenarios: each sends one probe and states the fault the contract expects. ' +
    '{uuid} is a fresh random id, {name} a name starting with the run id. `conform list --profile ./DIR` shows them.',
  scenarios: [
    {
      id: 'item.show.missing',
      title: 'Show an item that does not exist',
      rationale: 'A made-up id in the path: the documentation lists 404 for item.show.',
      probe: { operation: 'item.show', params: { item: '{uuid}' } },
      expect: { fault: 'itemNotFound' },
    },
    {
      id: 'item.create.malformed',
      title: 'Create an item with a body that is not JSON',
      rationale:
        'The documentation lists 400 for item.create. Should the service create an item anyway, ' +
        'the cleanup deletes it (its id read from the answer at /item/id).',
      probe: {
        operation: 'item.create',
        rawBody: { json: '{"item": ' },
        capture: { id: '/item/id' },
        cleanup: { operation: 'item.delete', params: { item: '{probe.id}' } },
      },
      expect: { fault: 'badRequest' },
    },
    {
      id: 'auth.no-token',
      title: 'List the items without a token',
      rationale: 'The documentation lists 401 for every operation.',
      requires: ['auth'],
      probe: { operation: 'item.list', credential: 'none' },
      expect: { fault: 'unauthorized' },
      inconclusiveIfSucceeds: {
        unlessAssumed: 'auth',
        reason: 'the service answered without a token: it may have no authentication (say --assume auth if it has)',
      },
    },
  ],
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** `conform init DIR`: writes the starting profile into DIR, which must not exist or be empty. */
export function initCommand(dir: string, io: Output): number {
  if (fs.existsSync(dir) && (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length > 0))
    throw new UsageError(`${dir} already exists and is not an empty folder: init writes a new profile folder only`);
  const files: [string, string][] = [
    ['catalog.json', json(catalog(profileName(dir)))],
    [path.join('suites', 'example.json'), json(suite)],
  ];
  fs.mkdirSync(path.join(dir, 'suites'), { recursive: true });
  for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), content, { flag: 'wx' });
  const profile = loadProfileFolder(dir);
  for (const [name] of files) io.out(`wrote ${path.join(dir, name)}`);
  io.out(
    `${profile.catalog.profile}: ${profile.catalog.faults.length} faults, ` +
      `${profile.suite.scenarios.length} scenarios. ` +
      `Edit them, then: conform list --profile ${shownArg(dir)}; conform --profile ${shownArg(dir)} --target URL`,
  );
  return EXIT.conform;
}

/** DIR as --profile takes it: a bare name gets `./` so it reads as a folder. */
const shownArg = (dir: string) => (/[/\\]/.test(dir) || dir.startsWith('.') ? dir : `./${dir}`);
