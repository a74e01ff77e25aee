package dualmcmc.engine.session;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.progress.TrainingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's door for a user interface: training, settings, queries between iterations, saving, autosave. */
class ExplorerTest {
    private static final TrainingConfig SMALL = Presets.get("toy2d").withValue("width", 32).withValue("batch", 64)
            .withValue("x_steps", 3).withValue("z_steps", 2);

    /** Records what the explorer tells, with the thread each iteration arrived on. */
    private static final class Heard implements Explorer.Events {
        final BlockingQueue<TrainingState> states = new LinkedBlockingQueue<>();
        final Set<Thread> trainingThreads = ConcurrentHashMap.newKeySet();
        final List<Path> autosaves = new CopyOnWriteArrayList<>();

        @Override
        public void iterationDone(IterationStats stats) {
            trainingThreads.add(Thread.currentThread());
        }

        @Override
        public void stateChanged(TrainingState state, String reason) {
            states.add(state);
        }

        @Override
        public void autosaved(Path file, long iteration) {
            autosaves.add(file);
        }

        TrainingState next() throws InterruptedException {
            TrainingState s = states.poll(60, TimeUnit.SECONDS);
            assertTrue(s != null, "no state change within a minute");
            return s;
        }

        void awaitState(TrainingState wanted) throws InterruptedException {
            TrainingState s;
            do {
                s = next();
            } while (s != wanted);
        }
    }

    private static LoadedModels fresh(long seed) throws Exception {
        return new ModelLoader().fresh("ring8", null, "toy2d", SMALL, seed);
    }

    @Test
    void queriesSeeTheModelsOfWholeIterationsAndASettingKeepsTheThreadAndOptimisers() throws Exception {
        Heard heard = new Heard();
        try (Explorer ex = new Explorer(heard, name -> null)) {
            ex.adopt(fresh(1));
            assertEquals(0L, ex.query(ModelQueries::iteration).get());
            ex.train(Long.MAX_VALUE);
            heard.awaitState(TrainingState.RUNNING);
            long[] before = new long[3];
            ex.query(q -> {
                for (int i = 0; i < 3; i++) {
                    before[i] = q.trainer().optimisers().get(i).steps();
                }
                return null;
            }).get(60, TimeUnit.SECONDS);
            ex.applyConfig(SMALL.withValue("x_step", 0.07)).get(60, TimeUnit.SECONDS);
            long at = ex.query(ModelQueries::iteration).get(60, TimeUnit.SECONDS);
            while (ex.query(ModelQueries::iteration).get(60, TimeUnit.SECONDS) < at + 3) {
                Thread.sleep(5);
            }
            ex.pause();
            heard.awaitState(TrainingState.PAUSED);
            ex.query(q -> {
                assertEquals(0.07, q.config().xChain().stepSize());
                for (int i = 0; i < 3; i++) {
                    assertTrue(q.trainer().optimisers().get(i).steps() >= before[i] + 3,
                            "optimiser " + i + " went on from its state");
                }
                assertEquals(q.iteration(), q.history().rows().get(q.history().size() - 1).iteration());
                return null;
            }).get(60, TimeUnit.SECONDS);
            assertEquals(1, heard.trainingThreads.size(), "one training thread throughout");
        }
    }

    @Test
    void stopKeepsTheModelsAndTrainGoesOnFromThem() throws Exception {
        Heard heard = new Heard();
        try (Explorer ex = new Explorer(heard, name -> null)) {
            ex.adopt(fresh(2));
            ex.train(4);
            heard.awaitState(TrainingState.FINISHED);
            ex.stop();
            assertEquals(TrainingState.STOPPED, heard.next());
            // no training thread: the query runs on this one
            assertEquals(Thread.currentThread(), ex.query(q -> Thread.currentThread()).get());
            ex.train(6);
            heard.awaitState(TrainingState.FINISHED);
            assertEquals(6L, ex.query(ModelQueries::iteration).get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void replacedModelsSayNothingMoreAndTheNewOnesStartAtTheirOwnIteration() throws Exception {
        Heard heard = new Heard();
        try (Explorer ex = new Explorer(heard, name -> null)) {
            ex.adopt(fresh(3));
            ex.train(Long.MAX_VALUE);
            heard.awaitState(TrainingState.RUNNING);
            ex.adopt(fresh(4));
            assertEquals(0L, ex.query(ModelQueries::iteration).get(60, TimeUnit.SECONDS));
            Thread.sleep(100);
            assertTrue(heard.states.isEmpty(), "the replaced session's stop is not reported: " + heard.states);
        }
    }

    @Test
    void saveWritesACheckpointOfTheIterationAndAutosaveFollowsItsPolicy(@TempDir Path tmp) throws Exception {
        Heard heard = new Heard();
        Path folder = tmp.resolve("auto");
        boolean[] on = {true};
        try (Explorer ex = new Explorer(heard, name -> on[0] ? new Explorer.Autosave(folder.resolve(name), 2, 1)
                : null)) {
            ex.adopt(fresh(5));
            ex.train(4);
            heard.awaitState(TrainingState.FINISHED);
            assertEquals(2, heard.autosaves.size(), "iterations 2 and 4: " + heard.autosaves);
            assertEquals(List.of(folder.resolve("ring8").resolve("autosave-000000004.dmcx")),
                    Files.list(folder.resolve("ring8")).toList(), "keeps 1");
            on[0] = false;
            ex.train(8);
            heard.awaitState(TrainingState.FINISHED);
            assertEquals(2, heard.autosaves.size(), "no autosave once the policy is off");
            Path file = tmp.resolve("m.dmcx");
            assertEquals(8L, ex.save(file, java.util.Map.of()).get(60, TimeUnit.SECONDS));
            Checkpoint.Loaded l = Checkpoint.load(file);
            assertEquals(8, l.iteration());
            assertNotEquals(0, Files.size(file));
            // a file where its folder should be
            assertTrue(ex.save(file.resolve("inner.dmcx"), java.util.Map.of())
                    .handle((v, e) -> e != null && e.getMessage().contains("m.dmcx")).get(),
                    "a failed save fails the future with a message naming the place");
            assertFalse(Files.isDirectory(file));
        }
    }
}
