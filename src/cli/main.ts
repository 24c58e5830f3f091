#!/usr/bin/env node
import { hideBin } from 'yargs/helpers';
import { main } from './program.js';

process.exitCode = await main(hideBin(process.argv), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
