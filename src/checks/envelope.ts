import type { AlternativeEnvelope, Catalog, Envelope } from '../model/catalog.js';
import type { ParsedBody } from '../body/parse.js';

export interface ChosenEnvelope {
  envelope: Envelope;
  /** Set when the body is in one of the profile's alternative envelopes for this status. */
  alternative?: AlternativeEnvelope;
}

function rootsOf(body: ParsedBody): string[] {
  if (body.kind === 'xml') return [body.root.name];
  if (body.kind === 'json' && body.value && typeof body.value === 'object' && !Array.isArray(body.value))
    return Object.keys(body.value);
  return [];
}

/**
 * The envelope a fault body is held to: the profile's own, or an alternative
 * the profile documents for this status when the body has that one's root
 * (and not the profile's own).
 */
export function chooseEnvelope(catalog: Catalog, status: number, body: ParsedBody): ChosenEnvelope {
  const roots = rootsOf(body);
  const own = catalog.envelope;
  if (own.kind === 'fixed-root' && roots.includes(own.root)) return { envelope: own };
  const alternative = catalog.alternativeEnvelopes?.find(
    (a) => a.statuses.includes(status) && roots.length === 1 && roots[0] === a.envelope.root,
  );
  return alternative ? { envelope: alternative.envelope, alternative } : { envelope: own };
}
