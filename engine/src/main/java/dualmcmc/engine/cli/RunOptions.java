package dualmcmc.engine.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by commands that open a run: where the trained models are. */
final class RunOptions {
    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run directory written by train --out")
    Path run;
}
