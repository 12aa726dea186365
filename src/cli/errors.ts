/** A failure the user can act on: printed as one line on stderr, exit code 2. No stack trace. */
export class CliError extends Error {
  /** The system error code behind it, when there is one (ENOENT, EACCES, …). */
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
