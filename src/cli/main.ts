#!/usr/bin/env node
import { hideBin } from 'yargs/helpers';
import { main } from './program.js';

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

// The first Ctrl-C lets the cases under way finish and delete what they
// created, then writes the reports; a second one stops at once.
const interrupt = new AbortController();
process.once('SIGINT', () => {
  io.err(
    'conform: interrupted: finishing what is under way (a run lets its cases delete what they created); ' +
      'Ctrl-C again to stop now',
  );
  interrupt.abort();
  process.once('SIGINT', () => process.exit(130));
});

process.exitCode = await main(hideBin(process.argv), io, interrupt.signal);
