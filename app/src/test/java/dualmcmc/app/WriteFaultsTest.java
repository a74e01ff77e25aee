package dualmcmc.app;

import dualmcmc.app.io.AutosaveSettings;
import dualmcmc.engine.io.Autosaver;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.Tmpfs;
import dualmcmc.engine.progress.TrainingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static dualmcmc.app.FxTestSupport.await;
import static dualmcmc.app.FxTestSupport.fx;
import static dualmcmc.app.FxTestSupport.waitLoaded;
import static dualmcmc.app.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Save and autosave meeting a real full disk while training: the status bar says what happened in
 * one sentence, the last good file stays, and training goes on.
 */
class WriteFaultsTest extends WindowTest {
    @TempDir
    Path tmp;

    private Tmpfs disk() throws Exception {
        Path mountPoint = Files.createDirectories(tmp.resolve("disk"));
        return Tmpfs.mount(mountPoint, "1m");
    }

    private List<String> messages() {
        List<String> messages = new CopyOnWriteArrayList<>();
        fx(() -> {
            main.messageProperty().addListener((o, a, b) -> messages.add(b));
            return null;
        });
        return messages;
    }

    /** What File > Save and Save As do once they know the file; true when it was saved. */
    private boolean save(Path file) {
        CompletableFuture<Boolean> saved = fx(() -> window.fileActions().saveTo(file));
        waitUntil("the save to end", saved::isDone);
        return saved.getNow(false);
    }

    /** Training is running and gets further: the failed write did not stop it. */
    private void trainingGoesOn() {
        long now = fx(() -> main.iterationProperty().get());
        waitUntil("training past iteration " + (now + 3), () -> main.iterationProperty().get() > now + 3);
        assertEquals(TrainingState.RUNNING, fx(() -> main.stateProperty().get()));
    }

    @Test
    void autosaveOnAFullDiskSaysSoInTheStatusBarAndTrainingGoesOn() throws Exception {
        waitLoaded(main, "ring8");
        try (Tmpfs disk = disk()) {
            Path dir = disk.dir().resolve("autosave");
            fx(() -> {
                main.autosaveProperty().set(new AutosaveSettings(true, 2, 2, dir));
                return null;
            });
            assertNull(await(() -> main.trainUntil(2)));
            waitUntil("the first autosave", () -> Files.exists(dir.resolve("autosave-000000002.dmcx")));
            disk.fill("filler");
            List<String> messages = messages();

            fx(() -> {
                main.train();
                return null;
            });
            waitUntil("the failure in the status bar",
                    () -> messages.stream().anyMatch(m -> m.startsWith("Autosave failed")));
            String failed = messages.stream().filter(m -> m.startsWith("Autosave failed")).findFirst().orElseThrow();
            assertEquals("Autosave failed: no space left on device (" + dir.resolve("autosave-000000004.dmcx")
                    + "); training goes on.", failed);
            trainingGoesOn();
            fx(() -> {
                main.pause();
                return null;
            });
            assertEquals(List.of(dir.resolve("autosave-000000002.dmcx")), Autosaver.saved(dir),
                    "the last good autosave stays, and nothing half-written");
            assertEquals(2, Checkpoint.load(dir.resolve("autosave-000000002.dmcx")).iteration());
        }
    }

    @Test
    void saveOnAFullDiskSaysSoKeepsTheLastGoodFileAndTrainingGoesOn() throws Exception {
        waitLoaded(main, "ring8");
        try (Tmpfs disk = disk()) {
            Path file = disk.dir().resolve("mine.dmcx");
            assertNull(await(() -> main.trainUntil(2)));
            assertTrue(save(file), "the first save fits");
            disk.fill("filler");
            fx(() -> {
                main.train();
                return null;
            });
            waitUntil("training", () -> main.iterationProperty().get() > 3);

            assertFalse(save(file), "the save failed");
            assertEquals("Save failed: no space left on device (" + file + ")",
                    fx(() -> main.messageProperty().get()));
            assertTrue(fx(() -> main.document().isDirty()), "the models are still unsaved");
            trainingGoesOn();
            fx(() -> {
                main.pause();
                return null;
            });
            assertEquals(2, Checkpoint.load(file).iteration(), "the last good file stays");
        }
    }
}
