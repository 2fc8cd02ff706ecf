import { describe, expect, it } from 'vitest';
import { percentile, predictedGradingS, throughput } from './bench-stats.ts';

describe('percentile', () => {
  it('takes the nearest rank, whatever the order', () => {
    const xs = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100];
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(100);
    expect(percentile(xs, 0)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('throughput', () => {
  it('counts from the burst to the last grade, and the rate between the first and the last grade', () => {
    // Burst at t=1000 ms; grades written at 3 s, 4 s, 5 s, 7 s.
    const t = throughput(1000, [3000, 4000, 7000, 5000], 2);
    expect(t.allGradedS).toBe(6);
    expect(t.gradesPerS).toBeCloseTo(3 / 4);
    expect(t.gradesPerSPerWorker).toBeCloseTo(3 / 8);
  });

  it('has no rate for fewer than two grades', () => {
    expect(throughput(0, [2000], 1).gradesPerS).toBeNaN();
    expect(throughput(0, [], 1).allGradedS).toBeNaN();
  });
});

describe('predictedGradingS', () => {
  it('divides the class by the machines’ summed rate', () => {
    expect(predictedGradingS(200, 1, 0.5)).toBe(400);
    expect(predictedGradingS(200, 4, 0.5)).toBe(100);
  });
});
