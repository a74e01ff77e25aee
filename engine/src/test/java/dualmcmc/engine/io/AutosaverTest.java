package dualmcmc.engine.io;

import dualmcmc.engine.progress.TrainingState;
import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.train.TrainingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AutosaverTest {
    private static final TrainingConfig SMALL = Presets.get("toy2d").withValue("width", 8).withValue("batch", 16)
            .withValue("x_steps", 2).withValue("z_steps", 2);
    @TempDir
    Path tmp;

    private static class Heard implements Autosaver.Listener {
        final List<Path> saved = Collections.synchronizedList(new ArrayList<>());
        final List<String> failed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void saved(Path file) {
            saved.add(file);
        }

        @Override
        public void failed(String message) {
            failed.add(message);
        }
    }

    @Test
    void aSessionAutosavesEveryNIterationsAndKeepsTheNewest() throws Exception {
        DualMcmcTrainer t = CheckpointTest.trainer(2, SMALL);
        Path dir = tmp.resolve("auto");
        Files.createDirectories(dir);
        // what saves killed before their rename leave behind: no autosaves, and removed by the next one
        Files.write(dir.resolve(".autosave-000000002.dmcx.123.tmp"), new byte[]{'P', 'K'});
        Files.write(dir.resolve(".autosave-000000900.dmcx.4567.tmp"), new byte[]{'P', 'K'});
        Files.write(dir.resolve("notes.txt"), new byte[]{'h', 'i'});
        Heard heard = new Heard();
        try (var session = new TrainingSession<>(t)) {
            session.addListener(new Autosaver(t, null, dir, 2, 2, heard));
            session.start(7);
            session.awaitIdle(60_000);
        }
        assertEquals(7, t.iteration());
        assertEquals(List.of(), heard.failed);
        assertEquals(3, heard.saved.size(), "iterations 2, 4 and 6");
        List<Path> kept = Autosaver.saved(dir);
        assertEquals(List.of(dir.resolve("autosave-000000004.dmcx"), dir.resolve("autosave-000000006.dmcx")), kept);
        assertEquals(List.of("autosave-000000004.dmcx", "autosave-000000006.dmcx", "notes.txt"),
                SaveFaultsTest.names(dir), "the leftovers are gone, the user's own file stays");
        assertEquals(6, Checkpoint.load(kept.get(1)).iteration());
        assertEquals(4, Checkpoint.load(kept.get(0)).iteration());
    }

    @Test
    void aFailedAutosaveIsReportedAndTrainingGoesOn() throws Exception {
        DualMcmcTrainer t = CheckpointTest.trainer(3, SMALL);
        Path notADir = tmp.resolve("file");
        Files.write(notADir, new byte[]{1});
        Heard heard = new Heard();
        try (var session = new TrainingSession<>(t)) {
            session.addListener(new Autosaver(t, null, notADir, 1, 1, heard));
            session.start(3);
            session.awaitIdle(60_000);
            assertEquals(TrainingState.FINISHED, session.state());
        }
        assertEquals(3, t.iteration());
        assertEquals(3, heard.failed.size());
        assertEquals("Autosave failed: not a folder (" + notADir + ")", heard.failed.get(0));
    }

    /**
     * Runs {@code iterations} of training autosaving every iteration into {@code dir}, keeping 2,
     * with {@code fault} done on the training thread right after the first autosave.
     */
    private Heard trainWithFault(Path dir, long iterations, FaultAction fault) throws Exception {
        DualMcmcTrainer t = CheckpointTest.trainer(5, SMALL);
        Heard heard = new Heard() {
            @Override
            public void saved(Path file) {
                super.saved(file);
                if (saved.size() == 1) {
                    try {
                        fault.run();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            }
        };
        try (var session = new TrainingSession<>(t)) {
            session.addListener(new Autosaver(t, null, dir, 1, 2, heard));
            session.start(iterations);
            session.awaitIdle(60_000);
            assertEquals(TrainingState.FINISHED, session.state(), "training went on");
        }
        assertEquals(iterations, t.iteration());
        return heard;
    }

    private interface FaultAction {
        void run() throws Exception;
    }

    @Test
    void aFullDiskFailsTheAutosavesWithAMessageKeepsTheLastGoodOneAndTrainingGoesOn() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(tmp, "1m")) {
            Path dir = disk.dir().resolve("auto");
            Heard heard = trainWithFault(dir, 4, () -> disk.fill("filler"));
            assertEquals(List.of(dir.resolve("autosave-000000001.dmcx")), heard.saved);
            assertEquals(3, heard.failed.size(), heard.failed.toString());
            assertEquals("Autosave failed: no space left on device (" + dir.resolve("autosave-000000002.dmcx") + ")",
                    heard.failed.get(0));
            assertEquals(List.of("autosave-000000001.dmcx"), SaveFaultsTest.names(dir), "no half-written files");
            assertEquals(1, Checkpoint.load(dir.resolve("autosave-000000001.dmcx")).iteration());
        }
    }

    @Test
    void aReadOnlyFolderFailsTheAutosavesWithAMessageAndTrainingGoesOn() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(tmp, "1m")) {
            Path dir = disk.dir().resolve("auto");
            Heard heard = trainWithFault(dir, 3, disk::readOnly);
            assertEquals(1, heard.saved.size());
            assertEquals(List.of("Autosave failed: the folder is read-only (" + dir + ")",
                    "Autosave failed: the folder is read-only (" + dir + ")"), heard.failed);
            assertEquals(1, Checkpoint.load(dir.resolve("autosave-000000001.dmcx")).iteration());
        }
    }

    @Test
    void aFolderRemovedWhileTrainingIsMadeAgainByTheNextAutosave() throws Exception {
        Path dir = tmp.resolve("auto");
        Heard heard = trainWithFault(dir, 3, () -> {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        });
        assertEquals(List.of(), heard.failed);
        assertEquals(3, heard.saved.size());
        assertEquals(List.of("autosave-000000002.dmcx", "autosave-000000003.dmcx"), SaveFaultsTest.names(dir));
    }

    @Test
    void settingsAreValidated() throws IOException {
        DualMcmcTrainer t = CheckpointTest.trainer(1, SMALL);
        assertThrows(IllegalArgumentException.class, () -> new Autosaver(t, null, tmp, 0, 3, new Heard()));
        assertThrows(IllegalArgumentException.class, () -> new Autosaver(t, null, tmp, 10, 0, new Heard()));
    }
}
