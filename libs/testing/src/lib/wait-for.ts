/**
 * Polls `probe` until it returns something other than `undefined` (a row written, a job finished,
 * a service ready) and returns it; fails naming `what` after `timeoutMs`. For conditions that
 * announce themselves in no other way: prefer waiting on an event when there is one.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
