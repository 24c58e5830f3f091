// Names the importer gives: fault elements from a table's names, reason
// phrases or causes; operation ids and path parameters from api-ref paths.

/** The reason phrases of the status codes a fault table may leave unnamed. */
export const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Request Entity Too Large',
  414: 'Request URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Requested Range Not Satisfiable',
  417: 'Expectation Failed',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** `Proxy Authentication Required` → `proxyAuthenticationRequired`; `duplicate_zone` → `duplicateZone`. */
export function camelCase(text: string, maxWords = 8): string {
  const words = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .slice(0, maxWords);
  const name = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  return /^[a-z]/.test(name) ? name : `fault${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** `BadRequest` → `badRequest`: the first letter lowered, the rest kept. */
export const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'is',
  'to',
  'for',
  'in',
  'by',
  'be',
  'was',
  'or',
  'and',
  'that',
  'because',
]);

/** A name for a possible cause: its significant words (`The URI does not exist.` → `uriDoesNotExist`). */
export function causeName(cause: string): string {
  const first = cause.split(/[.,;:]/)[0];
  const words = first.split(/\s+/).filter((w) => w !== '' && !STOP.has(w.toLowerCase()));
  return camelCase(words.join(' '), 5);
}

/** `{project_id}` → `{projectId}`: conform's placeholders are letters and digits. */
export function placeholderName(param: string): string {
  return camelCase(param, 20);
}

/** `projects` → `project`, `policies` → `policy`, `addresses` → `address`. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word) && !/ss$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A name not yet in `taken`: `name`, else `name2`, `name3`, … */
export function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  taken.add(candidate);
  return candidate;
}
