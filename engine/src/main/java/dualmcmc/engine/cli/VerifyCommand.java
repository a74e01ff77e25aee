package dualmcmc.engine.cli;

import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.ClassifierFile;
import dualmcmc.engine.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code verify}: loads checkpoints and classifiers the way the program does (every array checked
 * against its checksum, shape and for finite values) and says of each whether it is sound; with
 * {@code --add-checksums}, files from before checksums get them, in place.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks .dmcx checkpoints and .dmcc classifiers; prints {\"files\": [{\"file\", \"ok\", \"message\"}]} "
                + "and exits 1 if any is damaged.")
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = ".dmcx or .dmcc files")
    List<Path> files;

    @Option(names = "--add-checksums",
            description = "give sound files written before checksums existed (format version 1) their checksums, in place")
    boolean addChecksums;

    @Override
    public Integer call() throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        boolean allOk = true;
        for (Path f : files) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("file", f.toString());
            boolean classifier = f.toString().endsWith(ClassifierFile.EXTENSION);
            try {
                if (addChecksums) {
                    boolean added = classifier ? ClassifierFile.addChecksums(f) : Checkpoint.addChecksums(f);
                    r.put("ok", true);
                    r.put("message", added ? "checksums added" : "has checksums already");
                } else {
                    int version = (classifier ? ClassifierFile.load(f).manifest() : Checkpoint.load(f).manifest())
                            .path("version").asInt();
                    r.put("ok", true);
                    r.put("message", version >= 2 ? "every array matches its checksum"
                            : "sound, but written before checksums (verify --add-checksums adds them)");
                }
            } catch (IllegalArgumentException e) {
                allOk = false;
                r.put("ok", false);
                r.put("message", e.getMessage());
            }
            out.add(r);
        }
        System.out.println(Json.MAPPER.writeValueAsString(Map.of("files", out)));
        return allOk ? 0 : 1;
    }
}
