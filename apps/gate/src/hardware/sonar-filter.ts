// The filter both sonar sources share: distances beyond the HC-SR04's reach become "nothing in range",
// and each value given is the median of the last few, so one stray echo neither opens nor closes anything.

/** The HC-SR04 measures up to 4 m; farther is nothing in range. */
export const SONAR_MAX_CM = 400;

/** Returns a function taking each new distance (cm, or null for nothing in range) and giving the median of the last `size`. */
export function createSonarFilter(size: number): (cm: number | null) => number | null {
  const window: number[] = [];
  return (cm) => {
    window.push(cm === null || cm > SONAR_MAX_CM ? Number.POSITIVE_INFINITY : cm);
    if (window.length > size) window.shift();
    const sorted = [...window].sort((a, b) => a - b);
    // With an even count the nearer of the two middle values: when unsure, someone is in the passage
    // (the gate then waits rather than closing on them).
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    return Number.isFinite(median) ? Math.round(median * 10) / 10 : null;
  };
}
