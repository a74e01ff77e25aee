package dualmcmc.engine.cli;

import dualmcmc.engine.data.Datasets;

import java.util.Iterator;

/** Completion candidates and help text for --dataset. */
final class DatasetNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Datasets.names().iterator();
    }
}
