// Latency percentiles, shared by the benchmarks and their load processes (no app import here).
export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length * 0.5)]!, p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]! };
}
