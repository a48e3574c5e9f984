/**
 * CPU time of this process spent on a call, for time bounds in tests: on a
 * shared 2-core machine the wall clock also counts other processes' work.
 */
export async function cpuTime<T>(run: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const before = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(before);
  return { value, ms: (used.user + used.system) / 1000 };
}
