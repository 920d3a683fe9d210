/**
 * Resolves in a later task: work split with it lets the page paint and take input in
 * between (a chain of awaits on settled promises would run as one long task).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
