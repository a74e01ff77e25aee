package dualmcmc.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the headless command-line interface; one subcommand class per command. */
@Command(name = "dualmcmc", mixinStandardHelpOptions = true, version = "dualmcmc 0.1.0",
        description = "Dual-MCMC teaching engine: train, evaluate and inspect the three models.",
        subcommands = {
                // subcommands are registered here, one line each
                TrainCommand.class,
                EvalCommand.class,
                ClassifierCommand.class,
                ReportCommand.class,
                ChainsCommand.class,
                TsneCommand.class,
                ExportCommand.class,
                BenchCommand.class,
                VerifyCommand.class,
        })
public final class Main implements Runnable {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (2 for a bad argument, 1 for a failure). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("error: " + ex.getMessage());
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof IllegalArgumentException) {
                System.err.println("error: " + ex.getMessage());
                return 2;
            }
            System.err.println("failed: " + ex);
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
