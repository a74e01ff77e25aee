package dualmcmc.engine.io;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutosaverTest {
    private static final TrainingConfig SMALL = Presets.get("toy2d").withValue("width", 8).withValue("batch", 16)
            .withValue("x_steps", 2).withValue("z_steps", 2);
    @TempDir
    Path tmp;

    private static final class Heard implements Autosaver.Listener {
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
        // what a save killed before its rename leaves behind: it must not count as an autosave
        Files.write(dir.resolve(".autosave-000000002.dmcx.123.tmp"), new byte[]{'P', 'K'});
        Heard heard = new Heard();
        try (TrainingSession session = new TrainingSession(t)) {
            session.addListener(new Autosaver(t, null, dir, 2, 2, heard));
            session.start(7);
            session.awaitIdle(60_000);
        }
        assertEquals(7, t.iteration());
        assertEquals(List.of(), heard.failed);
        assertEquals(3, heard.saved.size(), "iterations 2, 4 and 6");
        List<Path> kept = Autosaver.saved(dir);
        assertEquals(List.of(dir.resolve("autosave-000000004.dmcx"), dir.resolve("autosave-000000006.dmcx")), kept);
        assertEquals(6, Checkpoint.load(kept.get(1)).iteration());
        assertEquals(4, Checkpoint.load(kept.get(0)).iteration());
    }

    @Test
    void aFailedAutosaveIsReportedAndTrainingGoesOn() throws Exception {
        DualMcmcTrainer t = CheckpointTest.trainer(3, SMALL);
        Path notADir = tmp.resolve("file");
        Files.write(notADir, new byte[]{1});
        Heard heard = new Heard();
        try (TrainingSession session = new TrainingSession(t)) {
            session.addListener(new Autosaver(t, null, notADir, 1, 1, heard));
            session.start(3);
            session.awaitIdle(60_000);
            assertEquals(TrainingSession.State.FINISHED, session.state());
        }
        assertEquals(3, t.iteration());
        assertEquals(3, heard.failed.size());
        assertTrue(heard.failed.get(0).contains("autosave to " + notADir), heard.failed.get(0));
    }

    @Test
    void settingsAreValidated() throws IOException {
        DualMcmcTrainer t = CheckpointTest.trainer(1, SMALL);
        assertThrows(IllegalArgumentException.class, () -> new Autosaver(t, null, tmp, 0, 3, new Heard()));
        assertThrows(IllegalArgumentException.class, () -> new Autosaver(t, null, tmp, 10, 0, new Heard()));
    }
}
