/** The worker files, as paths from the project root. */
export function workerFiles(): string[];
/** Copies the migrations and the worker files into `outdir`, next to the bundle. */
export function copyRuntimeFiles(outdir: string): void;
