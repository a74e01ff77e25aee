package dualmcmc.engine.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by commands that open trained models: a run directory or a checkpoint file. */
final class RunOptions {
    @Option(names = {"--run", "--checkpoint"}, required = true, paramLabel = "DIR|FILE",
            description = "Run directory written by train --out, or a checkpoint file (.dmcx)")
    Path run;
}
