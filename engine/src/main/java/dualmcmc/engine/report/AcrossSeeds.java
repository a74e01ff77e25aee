package dualmcmc.engine.report;

import dualmcmc.engine.util.Rng;

import java.util.ArrayList;
import java.util.List;

/**
 * A report repeated over seeds, table by table: each run's figure becomes a {@link Figure} (mean,
 * spread and interval over seeds and samples), each other cell (method, steps, k_x, iterations)
 * stays as it is when every seed agrees and lists the seeds' values ("300/120") when not.
 */
public record AcrossSeeds(List<Long> seeds, Table methods, Table zAblation, Table xAblation) {
    public AcrossSeeds {
        seeds = List.copyOf(seeds);
    }

    /** {@code results.get(i)} is the report of {@code seeds.get(i)}; replicates as in {@link Figure#of}. */
    public static AcrossSeeds of(List<Long> seeds, List<MiniatureReport.Result> results, int replicates) {
        if (seeds.isEmpty() || seeds.size() != results.size()) {
            throw new IllegalArgumentException("need one report per seed, got " + results.size() + " for "
                    + seeds.size() + " seeds");
        }
        long key = seeds.get(0);
        return new AcrossSeeds(seeds,
                combine(results.stream().map(MiniatureReport.Result::methods).toList(), replicates, key),
                combine(results.stream().map(MiniatureReport.Result::zAblation).toList(), replicates, key),
                combine(results.stream().map(MiniatureReport.Result::xAblation).toList(), replicates, key));
    }

    /** One table shaped like each seed's, its figures over the seeds. */
    static Table combine(List<Table> perSeed, int replicates, long seed) {
        Table first = perSeed.get(0);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < first.rows().size(); i++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < first.header().size(); c++) {
                List<Object> cells = new ArrayList<>();
                for (Table t : perSeed) {
                    if (t.rows().size() != first.rows().size() || !t.header().equals(first.header())) {
                        throw new IllegalArgumentException(first.title() + " differs in shape between seeds");
                    }
                    cells.add(t.rows().get(i).get(c));
                }
                // keyed by the figure's name alone, so a run in two tables (dual-MCMC is the k_x = 30 row
                // of the x ablation) shows one interval in both
                long key = Rng.mix(seed, first.header().get(c));
                row.add(Table.isNumber(cells.get(0)) ? figure(cells, replicates, key) : label(cells));
            }
            rows.add(row);
        }
        return new Table(first.title(), first.header(), rows);
    }

    private static Figure figure(List<Object> cells, int replicates, long seed) {
        double[] values = new double[cells.size()];
        double[][] perSample = new double[cells.size()][];
        for (int s = 0; s < values.length; s++) {
            values[s] = Table.number(cells.get(s));
            perSample[s] = cells.get(s) instanceof Measured m ? m.replicates() : null;
        }
        return Figure.of(values, perSample, replicates, seed);
    }

    private static Object label(List<Object> cells) {
        if (cells.stream().allMatch(c -> c.equals(cells.get(0)))) {
            return cells.get(0);
        }
        return String.join("/", cells.stream().map(String::valueOf).toList());
    }

    /**
     * Every seed's rows of one table, each led by its seed: the per-seed values behind the
     * figures, one row per seed and table row.
     */
    public static Table perSeed(List<Long> seeds, List<Table> tables) {
        List<String> header = new ArrayList<>(List.of("seed"));
        header.addAll(tables.get(0).header());
        List<List<Object>> rows = new ArrayList<>();
        for (int s = 0; s < seeds.size(); s++) {
            for (List<Object> r : tables.get(s).rows()) {
                List<Object> row = new ArrayList<>(List.of(seeds.get(s)));
                row.addAll(r);
                rows.add(row);
            }
        }
        return new Table(tables.get(0).title(), header, rows);
    }
}
