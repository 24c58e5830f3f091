import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Pieces are encoded into one buffer of this many bytes, written out whenever it is full. */
const BUFFER_BYTES = 1 << 16;
/** A spool is read back this many bytes at a time. */
const READ_BLOCK_BYTES = 1 << 20;

/**
 * Text written piece by piece to an open file through one reused buffer: no
 * piece outlives its call, and nothing is joined into a large string (which
 * the garbage collector would have to carry), however much is written.
 */
class ChunkedWriter {
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  /** Bytes written so far, the buffered ones included. */
  bytes = 0;

  constructor(readonly fd: number) {}

  write(text: string): void {
    const size = Buffer.byteLength(text);
    if (size > BUFFER_BYTES - this.used) this.flush();
    if (size > BUFFER_BYTES) fs.writeSync(this.fd, text);
    else this.used += this.buffer.write(text, this.used);
    this.bytes += size;
  }

  flush(): void {
    let at = 0;
    while (at < this.used) at += fs.writeSync(this.fd, this.buffer, at, this.used - at);
    this.used = 0;
  }
}

/**
 * A report file written as it is made, piece by piece, into a temporary file
 * beside it that is renamed into place once whole: a reader never sees half a
 * report, and no report is held in memory as one string.
 */
export function writeReportStreamed(dir: string, name: string, write: (out: (text: string) => void) => void): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  const tmp = `${file}.tmp-${process.pid}`;
  const writer = new ChunkedWriter(fs.openSync(tmp, 'w'));
  try {
    write((text) => writer.write(text));
    writer.flush();
  } catch (err) {
    fs.closeSync(writer.fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fs.closeSync(writer.fd);
  fs.renameSync(tmp, file);
  return file;
}

/**
 * Texts kept on disk as they come, each read back by its key: what a report
 * needs at the end of a run and memory need not hold until then. The file is
 * a temporary one, removed once the spool is disposed of (and at once where
 * the system lets an open file be removed).
 */
export class Spool {
  private writer?: ChunkedWriter;
  private file?: string;
  private readonly index = new Map<string, { at: number; bytes: number }>();
  /** The last block read, and where in the file it starts. */
  private block?: { at: number; data: Buffer };
  /** What blocks are read into, but for a text larger than one. */
  private blockBuffer?: Buffer;

  add(key: string, text: string): void {
    const writer = (this.writer ??= this.open());
    const at = writer.bytes;
    writer.write(text);
    this.index.set(key, { at, bytes: writer.bytes - at });
  }

  /**
   * Read a block at a time: a report reads the texts in about the order they
   * were added (cases finish about in the order they start, some a little
   * before or after), so most reads are served from the block around the one
   * before, not by a call to the system.
   */
  read(key: string): string | undefined {
    const entry = this.index.get(key);
    if (!entry || !this.writer) return undefined;
    const { at, bytes } = entry;
    const block = this.holding(at, bytes) ?? this.readBlock(this.writer, at, bytes);
    return block.data.toString('utf8', at - block.at, at - block.at + bytes);
  }

  private holding(at: number, bytes: number): { at: number; data: Buffer } | undefined {
    const block = this.block;
    return block && at >= block.at && at + bytes <= block.at + block.data.length ? block : undefined;
  }

  /** A block with the text at `at` in its middle (or at its start, near the start of the file). */
  private readBlock(writer: ChunkedWriter, at: number, bytes: number): { at: number; data: Buffer } {
    writer.flush();
    const buffer =
      bytes > READ_BLOCK_BYTES
        ? Buffer.allocUnsafe(bytes)
        : (this.blockBuffer ??= Buffer.allocUnsafe(READ_BLOCK_BYTES));
    const start = Math.max(0, at - Math.floor((buffer.length - bytes) / 2));
    const read = fs.readSync(writer.fd, buffer, 0, buffer.length, start);
    return (this.block = { at: start, data: buffer.subarray(0, read) });
  }

  dispose(): void {
    if (this.writer) fs.closeSync(this.writer.fd);
    if (this.file) fs.rmSync(this.file, { force: true });
    this.writer = undefined;
    this.block = undefined;
    this.blockBuffer = undefined;
    this.index.clear();
  }

  private open(): ChunkedWriter {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-spool-'));
    const file = path.join(dir, 'cases');
    const fd = fs.openSync(file, 'w+');
    try {
      fs.rmSync(dir, { recursive: true });
    } catch {
      this.file = dir;
    }
    return new ChunkedWriter(fd);
  }
}
