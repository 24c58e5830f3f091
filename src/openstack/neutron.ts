// Real Neutron (Debian's python3-neutron, ML2 with no mechanism drivers) on
// loopback with SQLite, in a private temp dir, with or without Keystone auth.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningKeystone } from './keystone.js';
import { SYSTEM_PYTHON, runToCompletion, serviceEnv, useSqliteWal } from './process.js';
import { launchService, type RunningService } from './service.js';
import { NEUTRON_API_PASTE_INI } from './neutron-paste.js';

/** The neutron-server entry point; python3-neutron ships the module, not /usr/bin/neutron-server. */
export const NEUTRON_SERVER_MODULE = '/usr/lib/python3/dist-packages/neutron/cmd/eventlet/server/__init__.py';

export type NeutronOptions = ({ auth: 'noauth' } | { auth: 'keystone'; keystone: RunningKeystone }) & {
  port?: number;
  /** Give up waiting for GET /v2.0/networks after this long (default 90 s). */
  readyTimeoutMs?: number;
};

export interface RunningNeutron extends RunningService {
  readonly auth: 'noauth' | 'keystone';
}

export async function startNeutron(opts: NeutronOptions): Promise<RunningNeutron> {
  const service = await launchService({
    name: `Neutron (${opts.auth})`,
    tempPrefix: 'conform-neutron-',
    logName: 'neutron',
    port: opts.port,
    readyPath: '/v2.0/networks',
    // noauth answers the listing; behind Keystone an anonymous request gets 401.
    readyStatuses: [opts.auth === 'noauth' ? 200 : 401],
    readyTimeoutMs: opts.readyTimeoutMs ?? 90_000,
    async prepare({ dir, port, logFile }) {
      const databaseFile = join(dir, 'neutron.sqlite');
      const database = `sqlite:///${databaseFile}`;
      const configFile = join(dir, 'neutron.conf');
      const pasteFile = join(dir, 'api-paste.ini');
      const launcher = join(dir, 'neutron-server');
      writeFileSync(pasteFile, NEUTRON_API_PASTE_INI);
      writeFileSync(launcher, NEUTRON_SERVER_LAUNCHER, { mode: 0o700 });
      writeFileSync(
        configFile,
        neutronConf({ auth: opts.auth, dir, port, logFile, database, pasteFile }) +
          (opts.auth === 'keystone' ? keystoneAuthtokenSection(opts.keystone) : ''),
        { mode: 0o600 }, // may hold the Keystone admin password
      );
      await runToCompletion({
        name: 'neutron schema (create_all)',
        command: SYSTEM_PYTHON,
        args: ['-c', CREATE_SCHEMA, database],
        env: serviceEnv(),
        cwd: dir,
        logFile,
      });
      await useSqliteWal(databaseFile, logFile);
      return {
        name: 'neutron-server',
        command: SYSTEM_PYTHON,
        args: [launcher, '--config-file', configFile],
        env: serviceEnv(),
        cwd: dir,
      };
    },
  });
  return { ...service, auth: opts.auth };
}

// Neutron's migrations refuse SQLite: build the head schema from the models.
const CREATE_SCHEMA = `import sys
from neutron.db.migration.models import head
from sqlalchemy import create_engine
head.get_metadata().create_all(create_engine(sys.argv[1]))
`;

// What the packaged /usr/bin/neutron-server (in neutron-common) runs.
const NEUTRON_SERVER_LAUNCHER = `#!${SYSTEM_PYTHON}
import sys
from neutron.cmd.eventlet.server import main
if __name__ == "__main__":
    sys.exit(main())
`;

interface NeutronConfParts {
  auth: NeutronOptions['auth'];
  dir: string;
  port: number;
  logFile: string;
  database: string;
  pasteFile: string;
}

function neutronConf(p: NeutronConfParts): string {
  return `[DEFAULT]
core_plugin = ml2
service_plugins =
auth_strategy = ${p.auth}
transport_url = fake://
api_workers = 0
rpc_workers = 0
rpc_state_report_workers = 0
bind_host = 127.0.0.1
bind_port = ${p.port}
api_paste_config = ${p.pasteFile}
state_path = ${p.dir}
log_file = ${p.logFile}
use_stderr = false
# No Nova and no DHCP agent here: do not try to notify them.
notify_nova_on_port_status_changes = false
notify_nova_on_port_data_changes = false
dhcp_agent_notification = false

[database]
connection = ${p.database}

[oslo_concurrency]
lock_path = ${join(p.dir, 'lock')}

[ml2]
type_drivers = flat,vlan,local
tenant_network_types = local
mechanism_drivers =
extension_drivers = port_security
`;
}

// keystonemiddleware validates tokens against the given Keystone; no memcached
// here, so it keeps its token cache in process.
function keystoneAuthtokenSection(keystone: RunningKeystone): string {
  return `
[keystone_authtoken]
www_authenticate_uri = ${keystone.url}
auth_url = ${keystone.url}
auth_type = password
username = ${keystone.adminUser}
password = ${keystone.adminPassword}
project_name = ${keystone.adminProject}
user_domain_name = ${keystone.userDomain}
project_domain_name = ${keystone.projectDomain}
region_name = ${keystone.region}
interface = public
`;
}
