// A target (or identity service) whose TLS certificate Node refused: one line
// naming the certificate problem and what to do about it.

/** Node's codes for a certificate that cannot be trusted (OpenSSL's verify errors, and the name check). */
const CERTIFICATE_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function tlsRefusal(code: string | undefined, message: string, where: string): string | undefined {
  if (code === undefined || !CERTIFICATE_CODES.has(code)) return undefined;
  return (
    `${where}: TLS certificate not trusted: ${message} (${code}); ` +
    'give the CA with --os-cacert FILE (OS_CACERT, or cacert in clouds.yaml), or --insecure not to verify'
  );
}
