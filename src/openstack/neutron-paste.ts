// Neutron's WSGI pipeline (paste.deploy). python3-neutron does not ship an
// api-paste.ini (neutron-common puts one in /etc/neutron), so we write one.
// The /v2.0 pipeline is the standard one: CORS, proxy headers, request id,
// error catching, then Keystone's authtoken + context when auth is on.

const FILTERS: Record<string, string> = {
  cors: 'oslo_middleware.cors:filter_factory\noslo_config_project = neutron',
  http_proxy_to_wsgi: 'oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory',
  request_id: 'oslo_middleware:RequestId.factory',
  catch_errors: 'oslo_middleware:CatchErrors.factory',
  authtoken: 'keystonemiddleware.auth_token:filter_factory',
  keystonecontext: 'neutron.auth:NeutronKeystoneContext.factory',
  extensions: 'neutron.api.extensions:plugin_aware_extension_middleware_factory',
};

const APPS: Record<string, string> = {
  neutronversions: 'neutron.pecan_wsgi.app:versions_factory',
  neutronapiapp_v2_0: 'neutron.api.v2.router:APIRouter.factory',
};

const API_FRONT = ['cors', 'http_proxy_to_wsgi', 'request_id', 'catch_errors'];
const VERSIONS = ['cors', 'http_proxy_to_wsgi', 'neutronversions'];

/** One pipeline per auth_strategy, chosen by neutron.auth:pipeline_factory. */
function composite(name: string, pipelines: { noauth: string[]; keystone: string[] }): string {
  return [
    `[composite:${name}]`,
    'use = call:neutron.auth:pipeline_factory',
    `noauth = ${pipelines.noauth.join(' ')}`,
    `keystone = ${pipelines.keystone.join(' ')}`,
  ].join('\n');
}

export const NEUTRON_API_PASTE_INI =
  [
    ['[composite:neutron]', 'use = egg:Paste#urlmap', '/: neutronversions_composite', '/v2.0: neutronapi_v2_0'].join(
      '\n',
    ),
    composite('neutronapi_v2_0', {
      noauth: [...API_FRONT, 'extensions', 'neutronapiapp_v2_0'],
      keystone: [...API_FRONT, 'authtoken', 'keystonecontext', 'extensions', 'neutronapiapp_v2_0'],
    }),
    composite('neutronversions_composite', { noauth: VERSIONS, keystone: VERSIONS }),
    ...Object.entries(FILTERS).map(([name, factory]) => `[filter:${name}]\npaste.filter_factory = ${factory}`),
    ...Object.entries(APPS).map(([name, factory]) => `[app:${name}]\npaste.app_factory = ${factory}`),
  ].join('\n\n') + '\n';
