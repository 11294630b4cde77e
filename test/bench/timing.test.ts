/** The bench's statistics: a paired ratio is taken round by round, so drift between rounds cancels out. */
import { median, pairedRatio } from '../../bench/timing';

test('median of odd and even counts', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
});

test('pairedRatio divides round by round, then takes the median and range of those ratios', () => {
  // The machine slows down 4× over the rounds; the first side is 0.8× the second in every round.
  const b = [10, 20, 40, 80, 40];
  const a = b.map((x) => x * 0.8);
  expect(pairedRatio(a, b)).toEqual({ median: expect.closeTo(0.8, 10), min: expect.closeTo(0.8, 10), max: expect.closeTo(0.8, 10) });
  // A ratio of medians mixes rounds: it reads 1.33 (slower) for a side faster in two rounds of three.
  const x = [40, 9, 45];
  const y = [50, 10, 30];
  expect(median(x) / median(y)).toBeCloseTo(1.333, 3);
  expect(pairedRatio(x, y)).toEqual({ median: 0.9, min: 0.8, max: 1.5 });
});

test('pairedRatio refuses sides of different lengths or none', () => {
  expect(() => pairedRatio([1, 2], [1])).toThrow(/same number of rounds/);
  expect(() => pairedRatio([], [])).toThrow(/at least one/);
});
