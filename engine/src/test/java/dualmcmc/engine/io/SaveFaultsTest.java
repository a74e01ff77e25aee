package dualmcmc.engine.io;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.train.DualMcmcTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A save that meets a full disk, a read-only folder or a removed folder leaves the last good file,
 * leaves no temporary file, and says what happened in one line naming the place.
 */
class SaveFaultsTest {
    private static final TrainingConfig SMALL = Presets.get("toy2d").withValue("width", 8).withValue("batch", 16)
            .withValue("x_steps", 1).withValue("z_steps", 1);
    @TempDir
    Path tmp;

    @Test
    void aFullDiskKeepsTheLastGoodCheckpointAndSaysSo() throws Exception {
        DualMcmcTrainer t = CheckpointTest.trainer(1, SMALL);
        t.step();
        try (Tmpfs disk = Tmpfs.mount(tmp, "1m")) {
            Path file = disk.dir().resolve("model.dmcx");
            Checkpoint.save(file, t, null, null);
            byte[] good = Files.readAllBytes(file);
            Path filler = disk.fill("filler");
            t.step();

            IOException e = assertThrows(IOException.class, () -> Checkpoint.save(file, t, null, null));
            assertEquals("no space left on device (" + file + ")", e.getMessage());
            assertArrayEquals(good, Files.readAllBytes(file), "the last good checkpoint is untouched");
            assertEquals(1, Checkpoint.load(file).iteration());
            assertEquals(List.of("filler", "model.dmcx"), names(disk.dir()), "the half-written temporary file is gone");

            Files.delete(filler);
            Checkpoint.save(file, t, null, null);
            assertEquals(2, Checkpoint.load(file).iteration(), "with space again, saving works again");
        }
    }

    @Test
    void aReadOnlyFolderKeepsTheLastGoodFileAndSaysSo() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(tmp, "1m")) {
            Path file = disk.dir().resolve("curves.csv");
            AtomicFiles.write(file, new byte[]{1, 2, 3});
            disk.readOnly();

            IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, new byte[]{4, 5}));
            assertEquals("the folder is read-only (" + disk.dir() + ")", e.getMessage());
            assertArrayEquals(new byte[]{1, 2, 3}, Files.readAllBytes(file));
            assertEquals(List.of("curves.csv"), names(disk.dir()));
        }
    }

    @Test
    void aFolderRemovedBetweenSavesIsMadeAgain() throws Exception {
        DualMcmcTrainer t = CheckpointTest.trainer(2, SMALL);
        Path dir = tmp.resolve("runs");
        Checkpoint.save(dir.resolve("model.dmcx"), t, null, null);
        deleteTree(dir);
        t.step();
        Checkpoint.save(dir.resolve("model.dmcx"), t, null, null);
        assertEquals(1, Checkpoint.load(dir.resolve("model.dmcx")).iteration());
    }

    @Test
    void aFolderRemovedDuringTheSaveIsReportedAsSuch() throws Exception {
        Path dir = tmp.resolve("runs");
        Path file = dir.resolve("model.dmcx");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write(new byte[]{'P', 'K'});
            deleteTree(dir);   // rm -rf by the user, or an unmounted drive, while the bytes go out
        }));
        assertEquals("the folder was removed (" + dir + ")", e.getMessage());
        assertFalse(Files.exists(dir), "nothing was made again behind the user's back mid-save");
    }

    @Test
    void aFolderThatIsAFileIsNamed() throws Exception {
        Path notADir = tmp.resolve("file");
        Files.write(notADir, new byte[]{1});
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.write(notADir.resolve("model.dmcx"), new byte[]{1}));
        assertEquals("not a folder (" + notADir + ")", e.getMessage());
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
