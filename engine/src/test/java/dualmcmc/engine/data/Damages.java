package dualmcmc.engine.data;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** The jqwik generators of {@link Damage}s, shared by every reader's fuzz suite. */
public final class Damages {

    /** Values that break naive readers: zero, one, sign bits, all ones, and sizes far beyond any file. */
    private static final List<Long> HOSTILE_VALUES = List.of(0L, 1L, 2L, 3L, 7L, 8L, 10L, 16L, 28L, 32L, 255L, 256L,
            0x7fffL, 0x8000L, 0xffffL, 20_000L, 46_341L, 100_000L, 1L << 24, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL, -1L);

    /** Text that breaks naive parsers: numbers out of range, quotes, separators, control and line-breaking characters. */
    private static final List<String> HOSTILE_TEXT = List.of("", "\n", "\r", "\r\n", ",", ";", "\t", "\"", "\"\"\"",
            "'", "-1", "17", "10", "256", "1e400", "-1e400", "NaN", "Infinity", "-0", "0x10", "3.5", "99999999999999999999",
            "label", "\u0000", "\u001b[2J", "\u2028", "\u0085", "\uFEFF", "\u00e9", "\uD83D\uDE00", "{", "}", "[", "]",
            "null", "true", "{}", "[]", "\"a\":", "\\", "/*", "[".repeat(5000), "9".repeat(5000), "x".repeat(100_000));

    private Damages() {
    }

    /**
     * Zero to three damages of every kind; the header fields (binary formats) and hostile text
     * (text formats) may be empty lists. Zero damages keeps the file valid, so every suite also
     * proves that its seeds load.
     */
    public static Arbitrary<List<Damage>> any(List<HeaderField> fields) {
        List<net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends Damage>>> kinds = new ArrayList<>();
        kinds.add(Tuple.of(3, truncations()));
        kinds.add(Tuple.of(3, bitFlips()));
        kinds.add(Tuple.of(2, splices()));
        if (!fields.isEmpty()) {
            kinds.add(Tuple.of(4, overwrites(fields)));
        }
        @SuppressWarnings("unchecked")
        Arbitrary<Damage> one = Arbitraries.frequencyOf(kinds.toArray(net.jqwik.api.Tuple.Tuple2[]::new));
        return one.list().ofMinSize(0).ofMaxSize(3);
    }

    /** Cuts anywhere, but more often near the start where the headers are. */
    static Arbitrary<Damage> truncations() {
        Arbitrary<Double> uniform = Arbitraries.doubles().between(0, 1);
        return Arbitraries.oneOf(uniform, uniform.map(u -> u * u * u * u)).map(Damage.Truncate::new);
    }

    static Arbitrary<Damage> bitFlips() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 16))
                .as(Damage.FlipBits::new);
    }

    static Arbitrary<Damage> overwrites(List<HeaderField> fields) {
        Arbitrary<Long> values = Arbitraries.oneOf(Arbitraries.of(HOSTILE_VALUES), Arbitraries.longs());
        return Combinators.combine(Arbitraries.of(fields), values).as(Damage.Overwrite::new);
    }

    static Arbitrary<Damage> splices() {
        return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.of(HOSTILE_TEXT),
                Arbitraries.of(true, false)).as(Damage.Splice::new);
    }
}
