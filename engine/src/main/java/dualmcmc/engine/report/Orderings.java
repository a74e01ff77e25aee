package dualmcmc.engine.report;

import dualmcmc.engine.metrics.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The orderings the paper claims, checked on a report's numbers: on CPU and small data the
 * orderings, not the absolute figures, are what can be reproduced (docs/method.md). A claim that
 * one figure is below another is decided by their intervals over seeds and samples, not their
 * means: a difference inside the noise is a tie, not a win.
 */
public final class Orderings {
    private Orderings() {
    }

    public enum Outcome {
        /** The intervals separate in the claimed direction. */
        HOLDS,
        /** The intervals overlap (or a figure is missing): the data cannot tell the two apart. */
        TIES,
        /** The intervals separate against the claim. */
        FAILS;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The claim "{@code lower} lies below {@code higher}", decided by their intervals. */
        public static Outcome of(Interval lower, Interval higher) {
            if (!lower.isFinite() || !higher.isFinite()) {
                return TIES;
            }
            if (lower.high() < higher.low()) {
                return HOLDS;
            }
            return higher.high() < lower.low() ? FAILS : TIES;
        }

        /**
         * A claim made of several comparisons holds when all of them hold and fails as soon as one
         * fails: a single reversed pair contradicts it.
         */
        public static Outcome all(List<Outcome> parts) {
            if (parts.contains(FAILS)) {
                return FAILS;
            }
            return parts.stream().allMatch(o -> o == HOLDS) ? HOLDS : TIES;
        }
    }

    /** One comparison within a claim: {@code lower} claimed below {@code higher}. */
    public record Comparison(String lowerName, Figure lower, String higherName, Figure higher, Outcome outcome) {
        static Comparison of(String lowerName, Figure lower, String higherName, Figure higher) {
            return new Comparison(lowerName, lower, higherName, higher, Outcome.of(lower.interval(), higher.interval()));
        }

        @Override
        public String toString() {
            return lowerName + " " + lower + " below " + higherName + " " + higher + ": " + outcome.key();
        }
    }

    public record Check(String claim, Outcome outcome, List<Comparison> comparisons) {
        public Check(String claim, List<Comparison> comparisons) {
            this(claim, Outcome.all(comparisons.stream().map(Comparison::outcome).toList()), List.copyOf(comparisons));
        }

        public String numbers() {
            return String.join("; ", comparisons.stream().map(Comparison::toString).toList());
        }
    }

    public static List<Check> of(AcrossSeeds r) {
        List<Check> out = new ArrayList<>();
        Figure fdGen = figure(r.methods(), "dual-mcmc", "fd_generator");
        Figure fdRev = figure(r.methods(), "dual-mcmc", "fd_revised");
        out.add(new Check("x-revision lowers FD (dual-MCMC: revised below generator)",
                List.of(Comparison.of("revised", fdRev, "generator", fdGen))));
        for (String baseline : List.of("cooperative", "short-run")) {
            out.add(new Check("dual-MCMC revised FD below " + baseline,
                    List.of(Comparison.of("dual-mcmc", fdRev, baseline, figure(r.methods(), baseline, "fd_revised")))));
        }
        List<List<Object>> z = r.zAblation().rows();
        Figure inference10 = (Figure) z.get(2).get(2);
        out.add(new Check("inference-initialised L=10 reconstructs better than noise L=10 and L=30", List.of(
                Comparison.of("inference L=10", inference10, "noise L=10", (Figure) z.get(0).get(2)),
                Comparison.of("inference L=10", inference10, "noise L=30", (Figure) z.get(1).get(2)))));
        List<List<Object>> x = r.xAblation().rows();
        List<Comparison> pairs = new ArrayList<>();
        for (int i = 1; i < x.size(); i++) {
            pairs.add(Comparison.of("k_x=" + x.get(i).get(0), (Figure) x.get(i).get(2),
                    "k_x=" + x.get(i - 1).get(0), (Figure) x.get(i - 1).get(2)));
        }
        out.add(new Check("revised FD falls as k_x grows", pairs));
        return out;
    }

    private static Figure figure(Table t, String row, String column) {
        int c = t.header().indexOf(column);
        return (Figure) t.rows().stream().filter(r -> r.get(0).equals(row)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(t.title() + " has no row " + row)).get(c);
    }
}
