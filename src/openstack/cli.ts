// Starts real OpenStack services for manual probing and stops them on
// Ctrl-C / SIGTERM:  npx tsx src/openstack/cli.ts keystone|neutron|neutron-keystone
// Prints URLs and user names only: the admin password stays in the temp dir's config.
import { openstackAvailable } from './available.js';
import { startKeystone } from './keystone.js';
import { startNeutron } from './neutron.js';
import type { RunningService } from './service.js';

const WHAT = ['keystone', 'neutron', 'neutron-keystone'] as const;
type What = (typeof WHAT)[number];

/** `neutron (noauth)  http://127.0.0.1:9696  setup 812 ms, ready 1503 ms after start  (log: /tmp/…/neutron.log)` */
const startedLine = (name: string, service: RunningService, log: string): string =>
  `${name}  ${service.url}  setup ${service.setupMs} ms, ready ${service.readyMs} ms after start  ` +
  `(log: ${service.dir}/${log})`;

async function main(what: What): Promise<void> {
  const started: RunningService[] = [];
  let stopping = false;
  const stopAll = async (exitCode: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      for (const service of started.reverse()) await service.stop().catch((e) => console.error(String(e)));
    }
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  try {
    if (what === 'neutron') {
      const neutron = await startNeutron({ auth: 'noauth' });
      started.push(neutron);
      console.log(startedLine('neutron (noauth)', neutron, 'neutron.log'));
    } else {
      const keystone = await startKeystone();
      started.push(keystone);
      console.log(startedLine('keystone', keystone, 'keystone.log'));
      console.log(
        `  export OS_AUTH_URL=${keystone.authUrl} OS_USERNAME=${keystone.adminUser} ` +
          `OS_PROJECT_NAME=${keystone.adminProject}`,
      );
      console.log('  export OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default');
      console.log(`  export OS_PASSWORD="$(cat ${keystone.adminPasswordFile})"   # not printed here`);
      if (what === 'neutron-keystone') {
        const neutron = await startNeutron({ auth: 'keystone', keystone });
        started.push(neutron);
        await keystone.registerService('network', 'neutron', neutron.url);
        console.log(startedLine('neutron (keystone)', neutron, 'neutron.log'));
      }
    }
    console.log('Ctrl-C stops everything.');
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    await stopAll(1);
  }
}

const what = process.argv[2] as What;
if (!WHAT.includes(what)) {
  console.error(`usage: npx tsx src/openstack/cli.ts ${WHAT.join('|')}`);
  process.exit(2);
}
const availability = openstackAvailable();
if (!availability.ok) {
  console.error(availability.reason);
  process.exit(2);
}
void main(what);
