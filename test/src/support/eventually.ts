/**
 * Retries an assertion until it passes or `timeoutMs` runs out. Used where an Update returns before the
 * activities it caused (mails) have run. A bounded poll, not a sleep: it returns as soon as the check holds.
 */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
