/** What a command may touch of the process, so that commands never reach for globals. */
export interface CliContext {
  /** The folder reports, `.incident-report.yaml` and templates are looked up from. */
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly now: Date;
  /** Whether stdout is a terminal (colour, when NO_COLOR is not set). */
  readonly stdoutIsTty: boolean;
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  /** Resolves to the exit code. */
  run(args: string[], context: CliContext): Promise<number>;
}
