export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Every subcommand: parses its own arguments, writes through `io`, returns the exit code. */
export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

/** Exit code for bad input (missing file, invalid JSON, unknown format, bad flags). */
export const EXIT_BAD_INPUT = 2;

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
