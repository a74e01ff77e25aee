package dualmcmc.engine.progress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one training iteration reports: the three losses, the mean energies of data and of the
 * (revised) samples the EBM was trained against, the epoch and the wall time of the iteration.
 */
public record IterationStats(long iteration, int epoch, double errE, double errG, double errI,
                             double energyData, double energySamples, double seconds) {

    /** The fields under the names metrics.jsonl, manifests and CSV exports use. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iteration", iteration);
        m.put("epoch", epoch);
        m.put("errE", errE);
        m.put("errG", errG);
        m.put("errI", errI);
        m.put("energy_data", energyData);
        m.put("energy_samples", energySamples);
        m.put("seconds", seconds);
        return m;
    }
}
