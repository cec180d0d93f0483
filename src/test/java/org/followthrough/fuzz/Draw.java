package org.followthrough.fuzz;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The random choices that make one case, from a seed and the case's number, so that any case can
 * be drawn again on its own: the same seed and number give the same case on every machine.
 */
final class Draw {

    private final SplittableRandom random;

    Draw(long seed, int number) {
        this.random = new SplittableRandom(seed * 1_000_003L + number);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** A position in thousandths of a file's length or lines: often an end, else anywhere. */
    int at() {
        int roll = random.nextInt(10);
        return roll == 0 ? 0 : roll == 1 ? 1000 : random.nextInt(1001);
    }

    boolean oneIn(int n) {
        return random.nextInt(n) == 0;
    }

    <T> T of(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    final <T> T of(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** One of the ways to draw a value, chosen by weight. */
    <T> T weighted(List<Weighted<T>> ways) {
        int total = ways.stream().mapToInt(Weighted::weight).sum();
        int roll = random.nextInt(total);
        for (Weighted<T> way : ways) {
            roll -= way.weight();
            if (roll < 0) {
                return way.drawing().apply(this);
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    /** A way to draw a value, and how often to take it compared with the others. */
    record Weighted<T>(int weight, Function<Draw, T> drawing) {
    }

    static <T> Weighted<T> weight(int weight, Function<Draw, T> drawing) {
        return new Weighted<>(weight, drawing);
    }
}
