import { describe, expect, it } from 'vitest';
import { authFieldsFromEnv, cloudNamesFromEnv, secondFieldsFromEnv } from './fromEnv.js';

describe('OS_* variables', () => {
  it('reads what an openrc file sets', () => {
    const fields = authFieldsFromEnv({
      OS_AUTH_URL: 'http://keystone:5000/v3',
      OS_USERNAME: 'demo',
      OS_PASSWORD: 's3cret-pw',
      OS_PROJECT_NAME: 'demo-project',
      OS_PROJECT_ID: 'p-1',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_DOMAIN_ID: 'default',
      OS_IDENTITY_API_VERSION: '3',
      OS_REGION_NAME: 'RegionOne',
      OS_INTERFACE: 'public',
      HOME: '/root',
    });
    expect(fields).toEqual({
      authUrl: 'http://keystone:5000/v3',
      username: 'demo',
      password: 's3cret-pw',
      projectName: 'demo-project',
      projectId: 'p-1',
      userDomainName: 'Default',
      projectDomainId: 'default',
      identityApiVersion: '3',
      regionName: 'RegionOne',
    });
  });

  it('takes the v2.0 tenant names when no project is given, and lets project names win', () => {
    expect(authFieldsFromEnv({ OS_TENANT_NAME: 't', OS_TENANT_ID: 'tid' })).toEqual({
      projectName: 't',
      projectId: 'tid',
    });
    expect(authFieldsFromEnv({ OS_TENANT_NAME: 't', OS_PROJECT_NAME: 'p' })).toEqual({ projectName: 'p' });
  });

  it('counts an empty variable as unset', () => {
    expect(authFieldsFromEnv({ OS_TOKEN: '', OS_USERNAME: '' })).toEqual({});
    expect(cloudNamesFromEnv({ OS_CLOUD: '' })).toEqual({ main: undefined, second: undefined });
  });

  it('reads the second credential from CONFORM_SECOND_*, and the clouds', () => {
    expect(
      secondFieldsFromEnv({
        CONFORM_SECOND_USERNAME: 'other',
        CONFORM_SECOND_PASSWORD: 'pw-2',
        CONFORM_SECOND_PROJECT_NAME: 'p2',
        CONFORM_SECOND_TOKEN: 't2',
        OS_USERNAME: 'main',
      }),
    ).toEqual({ username: 'other', password: 'pw-2', projectName: 'p2', token: 't2' });
    expect(cloudNamesFromEnv({ OS_CLOUD: 'a', CONFORM_SECOND_CLOUD: 'b' })).toEqual({ main: 'a', second: 'b' });
  });
});
