// Ordinary mistakes on the command line are usage errors of one line on
// stderr (`conform: …`, with a hint where there is one), exit 2, before
// anything runs: nothing on stdout, no report written. In-process runs.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliClean as runCli } from '../testing/cli.js';
import { tempDir } from '../testing/tmp.js';
import { serveReference } from '../targets/common/server.js';
import { QuantumApp } from '../targets/quantum-v1.0/app.js';
import { main } from './program.js';

/** Runs `args` (with a reports folder that does not exist yet) and expects exactly `line` on stderr, exit 2. */
async function expectMistake(args: string[], line: string | RegExp, withReports = true): Promise<void> {
  const reports = path.join(tempDir('mistakes'), 'reports');
  const run = await runCli(withReports ? [...args, '--reports', reports] : args);
  const shown = `${JSON.stringify(args)}\n${run.stderr}`;
  expect(run.code, shown).toBe(2);
  expect(run.stderr.endsWith('\n') && run.stderr.trim().split('\n').length === 1, shown).toBe(true);
  if (typeof line === 'string') expect(run.stderr.trim()).toBe(line);
  else expect(run.stderr.trim()).toMatch(line);
  expect(run.stdout).toBe('');
  expect(fs.existsSync(reports), `${JSON.stringify(args)}: the reports folder was created`).toBe(false);
}

describe('an unknown option or command', () => {
  it('is one line naming it, with the nearest known one, not the whole help', async () => {
    await expectMistake(
      ['--tagret', 'http://127.0.0.1:9'],
      'conform: unknown option --tagret; did you mean --target? (conform --help lists them)',
    );
    await expectMistake(['--tagret=http://x'], /^conform: unknown option --tagret; did you mean --target\?/);
    await expectMistake(['--concurency', '2'], /unknown option --concurency; did you mean --concurrency\?/);
    await expectMistake(['--frobnicate'], 'conform: unknown option --frobnicate (conform --help lists them)');
    await expectMistake(['-x'], 'conform: unknown option -x (conform --help lists them)');
    await expectMistake(
      ['cleanup', '--prefx', 'conform-'],
      'conform: unknown option --prefx; did you mean --prefix? (conform cleanup --help lists them)',
    );
  });

  it('an unknown command, and an argument nothing takes, likewise', async () => {
    await expectMistake(['lsit'], "conform: unknown command 'lsit'; did you mean list? (conform --help lists them)");
    await expectMistake(['frobnicate'], "conform: unknown command 'frobnicate' (conform --help lists them)");
    await expectMistake(
      ['--target', 'http://127.0.0.1:9', 'http://127.0.0.1:10'],
      "conform: unexpected argument 'http://127.0.0.1:10' (conform --help lists the options)",
    );
    await expectMistake(
      ['list', 'quantum-v1.0'],
      "conform: unexpected argument 'quantum-v1.0' (conform list --help lists the options)",
      false,
    );
  });

  it('a value outside the choices is one line too', async () => {
    await expectMistake(
      ['--format', 'yaml'],
      /^conform: Invalid values: Argument: format, Given: "yaml", Choices: "json", "xml" \(conform --help/,
    );
  });
});

describe('a single-value flag given twice', () => {
  it('is refused, naming the flag: for run options, authentication flags and switches alike', async () => {
    const line = (flag: string) => `conform: ${flag} is given twice; it takes one value: give it once`;
    await expectMistake(['--target', 'http://127.0.0.1:9', '--target', 'http://127.0.0.1:10'], line('--target'));
    await expectMistake(['--tenant', 'a', '--tenant', 'b'], line('--tenant'));
    await expectMistake(['--concurrency', '2', '--concurrency=3'], line('--concurrency'));
    await expectMistake(['--token', 'a', '--token', 'b'], line('--token'));
    await expectMistake(['--second-token', 'a', '--second-token', 'b'], line('--second-token'));
    await expectMistake(['--os-password', 'a', '--os-password', 'b'], line('--os-password'));
    await expectMistake(
      ['--token', 'a', '--os-token', 'b'],
      'conform: --token is given twice (as --token and --os-token); it takes one value: give it once',
    );
    await expectMistake(['--timeout', '1', '--timeout', '2', '--timeout', '3'], /--timeout is given 3 times/);
    await expectMistake(
      ['--color', '--no-color'],
      'conform: --color is given twice (as --color and --no-color); it is a switch: give it once',
    );
    await expectMistake(['cleanup', '--prefix', 'abc-', '--prefix', 'abd-'], line('--prefix'), false);
    await expectMistake(['serve', '--port', '1', '--port', '2'], line('--port'), false);
  });

  it('the secrets given twice are not echoed', async () => {
    const run = await runCli(['--token', 'tok-one-secret', '--token', 'tok-two-secret']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/secret/);
  });

  it('options that take several values may be given again: their values add up', async () => {
    const run = await runCli(['--dry-run', '--only', 'network.show.missing', '--only', 'port.show.missing']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/4 cases from 2 scenarios/);
  });
});

describe('a flag without its value', () => {
  it('is an error, not the default', async () => {
    for (const [args, flag] of [
      [['--concurrency', '--dry-run'], '--concurrency'],
      [['--only', '--dry-run'], '--only'],
      [['--timeout', '--verbose'], '--timeout'],
      [['--tenant', '--dry-run'], '--tenant'],
      [['--deadline', '--dry-run'], '--deadline'],
      [['--max-body', '--dry-run'], '--max-body'],
      [['--profile', '--dry-run'], '--profile'],
      [['--target', '--dry-run'], '--target'],
      [['--token', '--dry-run'], '--token'],
      [['--reports'], '--reports'],
    ] as const) {
      await expectMistake([...args], `conform: ${flag} needs a value (conform --help describes it)`, false);
    }
  });

  it('last on the line too', async () => {
    await expectMistake(['--dry-run', '--only'], 'conform: --only needs a value (conform --help describes it)', false);
    await expectMistake(['--concurrency'], 'conform: --concurrency needs a value (conform --help describes it)', false);
    await expectMistake(
      ['cleanup', '--run-id'],
      'conform: --run-id needs a value (conform cleanup --help describes it)',
      false,
    );
  });

  it('a negative number is a value (refused as such)', async () => {
    await expectMistake(['--concurrency', '-1'], "conform: --concurrency needs a whole number of at least 1, got '-1'");
  });
});

describe('a bad number', () => {
  it('is echoed as typed', async () => {
    for (const [flag, typed] of [
      ['--concurrency', 'abc'],
      ['--concurrency', '1.5'],
      ['--concurrency', '0x10'],
      ['--timeout', '1e3'],
      ['--timeout', 'soon'],
    ])
      await expectMistake([flag, typed], `conform: ${flag} needs a whole number of at least 1, got '${typed}'`);
    await expectMistake(['serve', '--port', 'http'], "conform: --port must be 0..65535, got 'http'", false);
    await expectMistake(['serve', '--port', '65536'], "conform: --port must be 0..65535, got '65536'", false);
  });
});

describe('an empty credential', () => {
  it('is an error, not "no credential"', async () => {
    for (const flag of ['--token', '--os-token', '--second-token', '--os-password', '--second-password']) {
      await expectMistake([flag, ''], `conform: ${flag} is empty: give a value, or leave the flag out`);
      await expectMistake([`${flag}=`], `conform: ${flag} is empty: give a value, or leave the flag out`);
    }
    await expectMistake(['--os-username', ' '], 'conform: --os-username is empty: give a value, or leave the flag out');
    await expectMistake(
      ['cleanup', '--token', '', '--run-id', 'conform-20261121t210501-3fa2'],
      'conform: --token is empty: give a value, or leave the flag out',
      false,
    );
    await expectMistake(
      ['serve', '--identity-url', 'http://127.0.0.1:9', '--identity-token', ''],
      'conform: --identity-token is empty: give a value, or leave the flag out',
      false,
    );
  });
});

describe('--only with ids that name no scenario', () => {
  it('names them, even when other ids match, with the command that lists them', async () => {
    await expectMistake(
      ['--only', 'network.show.missing', 'typo'],
      'conform: no scenario of quantum-v1.0 matches --only typo (`conform list --profile quantum-v1.0` lists them)',
    );
    await expectMistake(
      ['--dry-run', '--only', 'network.*', 'nosuch.*', 'port.show.missing', 'portshow'],
      /^conform: no scenario of quantum-v1\.0 matches --only nosuch\.\* portshow \(`conform list/,
    );
  });

  it('with several profiles, an id needs to exist in one of them', async () => {
    const both = ['--dry-run', '--profile', 'quantum-v1.0', 'keystone-v2.0', '--only'];
    const run = await runCli([...both, 'network.show.missing', 'tenant.show.missing']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/quantum-v1\.0 at the embedded reference target: 2 cases from 1 scenario/);
    expect(run.stdout).toMatch(/keystone-v2\.0 at the embedded reference target: 2 cases from 1 scenario/);
    await expectMistake(
      [...both, 'network.show.missing', 'tenant.show.mising'],
      'conform: no scenario of quantum-v1.0 or keystone-v2.0 matches --only tenant.show.mising ' +
        '(`conform list --profile quantum-v1.0 keystone-v2.0` lists them)',
    );
  });

  it('what the line carries is shown, never obeyed: control characters escaped', async () => {
    await expectMistake(
      ['--only', 'network.show.missing', '\u001b[2Jcleared'],
      /^conform: no scenario of quantum-v1\.0 matches --only \\x1b\[2Jcleared \(/,
    );
  });

  it('none matching at all is still the selection that plans no case', async () => {
    await expectMistake(['--only', 'typo'], /^conform: the selection plans no case: no scenario of quantum-v1\.0/);
  });
});

describe('--deadline and --max-body', () => {
  it('take seconds (decimals allowed) and bytes (KiB, MiB)', async () => {
    for (const args of [
      ['--deadline', '1.5', '--max-body', '8MiB'],
      ['--deadline', '600', '--max-body', '65536'],
      ['--deadline', '.25', '--max-body', '64KiB'],
    ]) {
      const run = await runCli([...args, '--dry-run', '--only', 'network.show.missing']);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
  });

  it('a bad value is echoed as typed', async () => {
    for (const typed of ['0', 'soon', '-1', '1,5', '1.5s', '9999999'])
      await expectMistake(
        ['--deadline', typed],
        typed === '9999999'
          ? /^conform: --deadline 9999999 is too long: at most 2147483\.647 s/
          : `conform: --deadline needs a number of seconds above 0 (decimals allowed: 1.5), got '${typed}'`,
      );
    for (const typed of ['0', '8MB', '1.5MiB', 'lots', '0KiB'])
      await expectMistake(
        ['--max-body', typed],
        `conform: --max-body needs a whole number of bytes of at least 1, or of KiB or MiB (8MiB), got '${typed}'`,
      );
  });
});

describe('--target ending in the version the profile paths start with', () => {
  const quantum = serveReference(new QuantumApp());
  afterAll(async () => (await quantum).close());

  it('is used without it, with a note on stderr: the paths are not doubled', async () => {
    const { url } = await quantum;
    const run = await runCli([
      '--target',
      `${url}/v1.0/`,
      '--only',
      'network.show.missing',
      '--reports',
      tempDir('mistakes'),
    ]);
    expect(run.stderr).toBe(
      `conform: note: --target ${url}/v1.0 ends in /v1.0, the version quantum-v1.0's paths start with: using ${url}\n`,
    );
    expect(run.stdout).toMatch(/2 cases, 2 passed/);
    expect(run.code).toBe(0);
  });

  it('a path prefix before it is kept; a target without it is left alone', async () => {
    const dry = await runCli(['--dry-run', '--profile', 'keystone-v3', '--target', 'http://127.0.0.1:9/identity/v3']);
    expect(dry.stderr).toMatch(
      /ends in \/v3, the version keystone-v3's paths start with: using http:\/\/127\.0\.0\.1:9\/identity\n/,
    );
    expect(dry.stdout).toMatch(/^keystone-v3 at http:\/\/127\.0\.0\.1:9\/identity: /m);
    const plain = await runCli(['--dry-run', '--target', 'http://127.0.0.1:9/v3']);
    expect(plain.stderr).toBe('');
    expect(plain.stdout).toMatch(/^quantum-v1\.0 at http:\/\/127\.0\.0\.1:9\/v3: /m);
  });
});

describe('conform serve --port', () => {
  const taken = net.createServer();
  afterAll(() => new Promise<void>((r) => taken.close(() => r())));

  it('on a port in use: one line, exit 2', async () => {
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const { port } = taken.address() as net.AddressInfo;
    let out = '';
    let err = '';
    const code = await main(['serve', '--port', String(port)], {
      out: (l) => (out += `${l}\n`),
      err: (l) => (err += `${l}\n`),
    });
    expect(code).toBe(2);
    expect(err).toBe(`conform: --port ${port} is in use on 127.0.0.1: choose another, or --port 0 for a free one\n`);
    expect(out).toBe('');
  });
});
