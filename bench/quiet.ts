// The machine is shared (2 cores; tests and builds of other work may run at the same
// time), so every scenario notes how busy the CPU was just before it started, and
// `--wait-quiet` waits for a quiet moment first. Linux only (/proc/stat); elsewhere the
// figure is simply absent.
import { readFileSync } from 'node:fs';

function cpuTimes(): { idle: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const parts = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = parts[3] + (parts[4] ?? 0);
    return { idle, total: parts.reduce((s, n) => s + n, 0) };
  } catch {
    return undefined;
  }
}

/** Share of all cores busy (0–100 %) over the next `ms`. */
export async function cpuBusy(ms = 2000): Promise<number | undefined> {
  const a = cpuTimes();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpuTimes();
  if (!a || !b || b.total === a.total) return undefined;
  return 100 * (1 - (b.idle - a.idle) / (b.total - a.total));
}

/**
 * Waits until the CPU is at most `threshold` % busy over 2 s (at most `maxMs`); returns
 * the last reading.
 */
export async function waitForQuiet(threshold: number, maxMs: number, log: (s: string) => void): Promise<number | undefined> {
  const end = Date.now() + maxMs;
  let busy = await cpuBusy();
  while (busy !== undefined && busy > threshold && Date.now() < end) {
    log(`    CPU ${busy.toFixed(0)} % busy (other work on the machine); waiting for ≤ ${threshold} %`);
    await new Promise((r) => setTimeout(r, 5000));
    busy = await cpuBusy();
  }
  return busy;
}
