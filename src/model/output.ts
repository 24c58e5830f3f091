/** Where a command prints: lines to standard output and to standard error. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}
