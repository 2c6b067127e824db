// The short name of a file-system error (ENOENT, EACCES), for messages that say why a file was skipped.

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
