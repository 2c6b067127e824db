// Types of load-bundle.cjs for the tests that use it.
export interface LoadedBundle {
  exports: { runCli?: (argv: string[]) => Promise<void> } & Record<string, unknown>;
  /** Whether V8 took the code cache beside the bundle. */
  cached: boolean;
  saveCache(): void;
}

export function loadBundle(file: string): LoadedBundle;
