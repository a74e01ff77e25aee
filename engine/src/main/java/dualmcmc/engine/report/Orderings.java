package dualmcmc.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The orderings the paper claims, checked on a report's numbers: on CPU and small data the
 * orderings, not the absolute figures, are what can be reproduced (docs/method.md).
 */
public final class Orderings {
    private Orderings() {
    }

    public record Check(String claim, boolean holds, String numbers) {
    }

    public static List<Check> of(MiniatureReport.Result r) {
        List<Check> out = new ArrayList<>();
        List<Object> dual = row(r.methods(), "dual-mcmc");
        double fdGen = (Double) dual.get(2);
        double fdRev = (Double) dual.get(3);
        out.add(new Check("x-revision lowers FD (dual-MCMC: revised below generator)", fdRev < fdGen,
                fmt(fdRev) + " vs " + fmt(fdGen)));
        for (String baseline : List.of("cooperative", "short-run")) {
            double other = (Double) row(r.methods(), baseline).get(3);
            out.add(new Check("dual-MCMC revised FD below " + baseline, fdRev < other, fmt(fdRev) + " vs " + fmt(other)));
        }
        double noise10 = (Double) r.zAblation().rows().get(0).get(2);
        double noise30 = (Double) r.zAblation().rows().get(1).get(2);
        double inference10 = (Double) r.zAblation().rows().get(2).get(2);
        out.add(new Check("inference-initialised L=10 reconstructs better than noise L=10 and L=30",
                inference10 < noise10 && inference10 < noise30,
                fmt(inference10) + " vs " + fmt(noise10) + ", " + fmt(noise30)));
        List<List<Object>> x = r.xAblation().rows();
        boolean falling = true;
        StringBuilder numbers = new StringBuilder();
        for (int i = 0; i < x.size(); i++) {
            double fd = (Double) x.get(i).get(2);
            numbers.append(i == 0 ? "" : ", ").append("k_x=").append(x.get(i).get(0)).append(": ").append(fmt(fd));
            if (i > 0 && fd >= (Double) x.get(i - 1).get(2)) {
                falling = false;
            }
        }
        out.add(new Check("revised FD falls as k_x grows", falling, numbers.toString()));
        return out;
    }

    private static List<Object> row(Table t, String first) {
        return t.rows().stream().filter(r -> r.get(0).equals(first)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(t.title() + " has no row " + first));
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
