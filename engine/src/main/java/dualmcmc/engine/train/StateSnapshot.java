package dualmcmc.engine.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/** Copies of a list of arrays (parameters and optimiser moments), restorable in place. */
final class StateSnapshot {
    private final List<INDArray> live;
    private final List<INDArray> saved = new ArrayList<>();

    StateSnapshot(List<INDArray> live) {
        this.live = live;
        for (INDArray a : live) {
            saved.add(a.dup());
        }
    }

    void capture() {
        for (int i = 0; i < live.size(); i++) {
            saved.get(i).assign(live.get(i));
        }
    }

    void restore() {
        for (int i = 0; i < live.size(); i++) {
            live.get(i).assign(saved.get(i));
        }
    }
}
