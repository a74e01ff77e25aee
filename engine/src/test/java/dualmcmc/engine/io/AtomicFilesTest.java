package dualmcmc.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aLeftoverIsATemporaryFileOfTheTargetOnly() {
        Predicate<String> model = "model.dmcx"::equals;
        assertTrue(AtomicFiles.isLeftover(".model.dmcx.8812345.tmp", model));
        assertFalse(AtomicFiles.isLeftover(".model.dmcx.tmp", model), "no random part");
        assertFalse(AtomicFiles.isLeftover(".model.dmcx.old.tmp", model), "not a temporary file's random part");
        assertFalse(AtomicFiles.isLeftover(".model.dmcx.5.123.tmp", model), "another target's (model.dmcx.5)");
        assertFalse(AtomicFiles.isLeftover("model.dmcx.123.tmp", model), "not hidden: the user's");
        assertFalse(AtomicFiles.isLeftover(".model.dmcx.123.tmp~", model));
    }

    @Test
    void aSaveRemovesItsTargetsLeftoversAndNothingElse() throws Exception {
        Path target = tmp.resolve("model.dmcx");
        List<String> others = List.of(".other.dmcx.77.tmp", ".model.dmcx.old.tmp", "model.dmcx.123.tmp");
        Files.write(tmp.resolve(".model.dmcx.123.tmp"), new byte[]{'P', 'K'});
        Files.write(tmp.resolve(".model.dmcx.9007199254740993.tmp"), new byte[]{'P'});
        for (String o : others) {
            Files.write(tmp.resolve(o), new byte[]{1});
        }
        AtomicFiles.write(target, new byte[]{7});
        assertEquals(List.of(".model.dmcx.old.tmp", ".other.dmcx.77.tmp", "model.dmcx", "model.dmcx.123.tmp"),
                SaveFaultsTest.names(tmp));
    }
}
