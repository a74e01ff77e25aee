package dualmcmc.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CheckpointArgumentTest {
    @Test
    void aBarePathOrFileUriEndingInDmcxIsTheFileToOpen() {
        assertEquals(Path.of("/home/u/my run.dmcx"), CheckpointArgument.parse("/home/u/my run.dmcx"));
        assertEquals(Path.of("/home/u/my run.DMCX"), CheckpointArgument.parse("file:///home/u/my%20run.DMCX"));
        assertEquals(Path.of("rel.dmcx").toAbsolutePath(), CheckpointArgument.parse("rel.dmcx"));
        assertNull(CheckpointArgument.parse("--model.dmcx"));
        assertNull(CheckpointArgument.parse("notes.txt"));
    }

    @Test
    void theCommandLineTakesTheFileBesideOptionsAndStillRefusesTypos() {
        ExplorerApp.Options o = ExplorerApp.Options.parse(List.of("--seed", "7", "/tmp/a.dmcx"));
        assertEquals(Path.of("/tmp/a.dmcx"), o.file());
        assertEquals(7, o.seed());
        assertNull(ExplorerApp.Options.parse(List.of()).file());
        assertThrows(IllegalArgumentException.class, () -> ExplorerApp.Options.parse(List.of("--sed", "7")));
        assertThrows(IllegalArgumentException.class, () -> ExplorerApp.Options.parse(List.of("/tmp/a.txt")));
    }
}
