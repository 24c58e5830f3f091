#!/usr/bin/env node
// The process around the CLI: signals, and standard streams that may close.
// Everything else is in program.ts, loaded once the handlers are in place.
import { getEventListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { EXIT } from './exitCode.js';

// A run makes garbage at the pace of its answers and keeps little. V8 lets the heap grow
// to some four times what was live at its last full collection before it collects again:
// for a run of 50,000 cases, some 200 MiB of garbage held. 30% more instead keeps the
// peak near what is live (about 225 MiB then, against 240 with half more, which varies by
// 20 MiB from run to run, and 350 by default), for a few more collections: some 7% slower
// at that size. V8 reads the flag at each collection.
setFlagsFromString('--heap-growing-percent=30');
// The XSD validator is libxml2 compiled to WebAssembly. V8's optimizing compiler takes some
// 150 ms of CPU and 30 MiB to compile it, which a run's XML faults never win back: its
// baseline code validates one in about 12 µs instead of 8, for a run of 50,000 XML cases
// about as long in all, and for the usual run of hundreds, 150 ms less.
setFlagsFromString('--liftoff-only');

type Signal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';
const SIGNALS: readonly Signal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

// A closed stdout or stderr (`conform … | head -1`) ends that output quietly,
// never the run: its cleanups go on and its reports are written.
const open = { out: true, err: true };
const quietOnClose = (stream: NodeJS.WriteStream, which: keyof typeof open) =>
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    open[which] = false;
  });
quietOnClose(process.stdout, 'out');
quietOnClose(process.stderr, 'err');

const io = {
  out: (line: string) => void (open.out && process.stdout.write(`${line}\n`)),
  err: (line: string) => void (open.err && process.stderr.write(`${line}\n`)),
};

// The first SIGINT, SIGTERM or SIGHUP stops a run: no new case starts, the
// cases under way finish or are cut, clean up, and the reports are written.
// A command that does not follow the signal ends at once, as does a second signal.
const stop = new AbortController();
for (const signal of SIGNALS) {
  process.on(signal, () => {
    if (stop.signal.aborted || getEventListeners(stop.signal, 'abort').length === 0) process.exit(EXIT[signal]);
    stop.abort(signal);
  });
}

const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--version') {
  // What a script asks most often, answered before the command line's parser is loaded.
  const { TOOL } = await import('../version.js');
  io.out(TOOL.version);
} else {
  const { main } = await import('./program.js');
  process.exitCode = await main(args, io, stop.signal);
}
