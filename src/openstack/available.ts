// Can real OpenStack services run here? Suites skip with the reason when not.
import { existsSync } from 'node:fs';
import { KEYSTONE_MANAGE, KEYSTONE_WSGI_PUBLIC } from './keystone.js';
import { NEUTRON_SERVER_MODULE } from './neutron.js';
import { SYSTEM_PYTHON } from './process.js';

const KEYSTONEMIDDLEWARE = '/usr/lib/python3/dist-packages/keystonemiddleware/auth_token/__init__.py';

const REQUIRED: Array<[path: string, providedBy: string]> = [
  [SYSTEM_PYTHON, 'python3'],
  [KEYSTONE_MANAGE, 'python3-keystone'],
  [KEYSTONE_WSGI_PUBLIC, 'python3-keystone'],
  [NEUTRON_SERVER_MODULE, 'python3-neutron'],
  [KEYSTONEMIDDLEWARE, 'python3-keystonemiddleware'],
];

export type Availability = { ok: true } | { ok: false; reason: string };

export function openstackAvailable(): Availability {
  if (process.platform !== 'linux')
    return { ok: false, reason: `real OpenStack services need Linux (this is ${process.platform})` };
  const missing = REQUIRED.filter(([path]) => !existsSync(path));
  if (missing.length === 0) return { ok: true };
  const list = missing.map(([path, pkg]) => `${path} (${pkg})`).join(', ');
  return { ok: false, reason: `missing ${list}; install with .ci/install-openstack.sh` };
}
