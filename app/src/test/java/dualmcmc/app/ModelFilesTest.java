package dualmcmc.app;

import dualmcmc.app.xrevision.XRevisionPage;
import dualmcmc.app.training.TrainingPage;
import dualmcmc.engine.session.DataInfo;
import dualmcmc.app.examples.ExamplesViewModel;
import dualmcmc.app.io.AutosaveSettings;
import dualmcmc.engine.io.Examples;
import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.progress.TrainingState;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static dualmcmc.app.FxTestSupport.await;
import static dualmcmc.app.FxTestSupport.click;
import static dualmcmc.app.FxTestSupport.fx;
import static dualmcmc.app.FxTestSupport.waitLoaded;
import static dualmcmc.app.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The File menu as a user meets it: save and open, bad files, unsaved changes, examples, export, autosave, import. */
class ModelFilesTest extends WindowTest {
    @TempDir
    Path tmp;

    private void trainTo(long iteration) {
        assertNull(await(() -> main.trainUntil(iteration)));
        waitUntil("iteration " + iteration + " shown", () -> main.iterationProperty().get() >= iteration);
    }

    @Test
    void saveThenOpenRestoresIterationConfigAndContinues() throws Exception {
        waitLoaded(main, "ring8");
        assertNull(fx(() -> main.applySetting("x_step", "0.05")));
        trainTo(3);
        Path file = tmp.resolve("mine.dmcx");
        assertNull(await(() -> window.fileActions().saveTo(file)));
        assertTrue(Files.size(file) > 0);
        assertFalse(fx(() -> main.document().isDirty()), "saved models are clean");
        assertEquals("mine.dmcx \u2014 Dual-MCMC Explorer", fx(() -> main.document().titleBinding().get()));
        assertEquals(file, fx(() -> window.fileActions().recent().files().get(0)));

        assertNull(await(() -> main.reset()));
        assertEquals(0L, (long) fx(() -> main.iterationProperty().get()));
        assertNull(fx(() -> main.document().file()), "new models are untitled");
        assertNull(fx(() -> main.applySetting("x_step", "0.2")));

        assertNull(await(() -> main.open(file)));
        assertEquals(3L, (long) fx(() -> main.iterationProperty().get()));
        assertEquals(0.05, fx(() -> main.config().doubleValue("x_step")), "the saved config comes back");
        assertEquals("mine.dmcx", fx(() -> main.presetNameProperty().get()));
        assertEquals(file, fx(() -> main.document().file()));
        assertFalse(fx(() -> main.document().isDirty()));

        trainTo(4);
        assertTrue(fx(() -> main.document().isDirty()), "training on makes the models dirty");
        assertTrue(fx(() -> main.document().titleBinding().get()).startsWith("mine.dmcx \u2022"));
    }

    @Test
    void anOpenedFileShowsItsCurvesFromIterationOneAndTheyCanBeSmoothed(FxRobot robot) throws Exception {
        waitLoaded(main, "ring8");
        trainTo(40);
        var vm = window.page(TrainingPage.class).viewModel();
        waitUntil("40 points", () -> vm.lossPoints() == 40);
        Path file = tmp.resolve("curves.dmcx");
        assertNull(await(() -> window.fileActions().saveTo(file)));
        assertNull(await(() -> main.reset()));
        waitUntil("fresh models, no curve", () -> vm.lossPoints() == 0);

        assertNull(await(() -> main.open(file)));
        waitUntil("the file's curves", () -> vm.lossPoints() == 40);
        List<IterationStats> h = fx(vm::history);
        assertEquals(1, h.get(0).iteration());
        assertEquals(40, h.get(39).iteration());
        trainTo(45);
        waitUntil("the curves go on from the file's", () -> vm.lossPoints() == 45);
        assertEquals(45, fx(vm::history).get(44).iteration());

        // smoothing: 0 is the raw curve, 0.9 a calmer one over the same points
        click(robot, "#training");
        fx(() -> {
            vm.smoothingProperty().set(0);
            return null;
        });
        assertEquals(0.0, roughness(fx(() -> vm.ebmLoss().smooth().getItems())) - roughness(fx(() -> vm.ebmLoss().raw().getItems())), 1e-9);
        robot.interact(() -> robot.lookup("#curveSmoothing").<javafx.scene.control.Slider>query().setValue(0.9));
        assertEquals("0.90", fx(() -> robot.lookup("#curveSmoothingValue").<javafx.scene.control.Label>query().getText()));
        double raw = roughness(fx(() -> vm.ebmLoss().raw().getItems()));
        double smooth = roughness(fx(() -> vm.ebmLoss().smooth().getItems()));
        assertTrue(smooth < 0.5 * raw, "smoothed L_E moves " + smooth + " per point, raw " + raw);

        click(robot, "#curveLogScale");
        assertTrue(fx(() -> window.page(TrainingPage.class).view().charts().stream()
                .allMatch(c -> c.getXYPlot().getRangeAxis() instanceof org.jfree.chart.axis.LogarithmicAxis)));
        click(robot, "#curveLogScale");
        assertFalse(fx(() -> window.page(TrainingPage.class).view().charts().get(0).getXYPlot().getRangeAxis()
                instanceof org.jfree.chart.axis.LogarithmicAxis));
    }

    /** Mean absolute change between neighbouring points of a series. */
    private static double roughness(List<?> items) {
        double sum = 0;
        for (int i = 1; i < items.size(); i++) {
            sum += Math.abs(((org.jfree.data.xy.XYDataItem) items.get(i)).getYValue()
                    - ((org.jfree.data.xy.XYDataItem) items.get(i - 1)).getYValue());
        }
        return sum / (items.size() - 1);
    }

    @Test
    void aCorruptFileIsRefusedWithAMessageAndTheModelsStay() throws Exception {
        waitLoaded(main, "ring8");
        trainTo(2);
        byte[] junk = new byte[4096];
        new Random(5).nextBytes(junk);
        Path bad = tmp.resolve("broken.dmcx");
        Files.write(bad, junk);
        int gen = fx(() -> main.generationProperty().get());
        DataInfo data = fx(() -> main.dataProperty().get());

        Throwable failure = await(() -> main.open(bad));
        assertNotNull(failure, "a corrupt file does not open");
        String alert = fx(() -> main.alertProperty().get());
        assertTrue(alert != null && alert.contains("broken.dmcx"), "the message names the file: " + alert);
        assertFalse(alert.contains("Exception"), "a message, not a stack trace: " + alert);
        assertEquals(2L, (long) fx(() -> main.iterationProperty().get()));
        assertEquals(gen, (int) fx(() -> main.generationProperty().get()), "the models were not replaced");
        assertEquals(data, fx(() -> main.dataProperty().get()));
        trainTo(3); // and they still train

        // a recent file that has gone is dropped from the list with a message
        Path gone = tmp.resolve("gone.dmcx");
        fx(() -> {
            window.fileActions().recent().add(gone);
            return null;
        });
        assertFalse(fx(() -> window.fileActions().openFile(gone)).get(), "nothing to open");
        assertFalse(fx(() -> window.fileActions().recent().files().contains(gone)));
        assertTrue(fx(() -> main.messageProperty().get()).contains("gone.dmcx"));
    }

    @Test
    void newAfterTrainingAsksAndCancelKeepsEverything(FxRobot robot) {
        waitLoaded(main, "ring8");
        assertFalse(fx(() -> main.document().isDirty()), "fresh models have nothing to lose");
        trainTo(3);
        assertTrue(fx(() -> main.document().isDirty()));
        int gen = fx(() -> main.generationProperty().get());
        long it = fx(() -> main.iterationProperty().get());

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil("the unsaved-changes question", () -> robot.lookup("#unsavedCancel").tryQuery().isPresent());
        click(robot, "#unsavedCancel");
        waitUntil("the question closed", () -> robot.lookup("#unsavedCancel").tryQuery().isEmpty());

        assertEquals(it, (long) fx(() -> main.iterationProperty().get()), "Cancel keeps the iteration");
        assertEquals(gen, (int) fx(() -> main.generationProperty().get()), "Cancel keeps the models");
        assertTrue(fx(() -> main.document().isDirty()));
        assertEquals(TrainingState.FINISHED, fx(() -> main.stateProperty().get()));
    }

    @Test
    void theGalleryListsTheBundledExamplesAndOneClickOpensOne(FxRobot robot) {
        List<Examples.Example> bundled = Examples.list();
        Assumptions.assumeFalse(bundled.isEmpty(), "this build bundles no examples");
        waitLoaded(main, "ring8");
        robot.interact(() -> window.showExamples());
        ExamplesViewModel vm = window.examplesViewModel();
        waitUntil("cards", () -> vm.cards().size() == bundled.size());
        // the view lays its cards out after the view model lists them
        for (Examples.Example e : bundled) {
            waitUntil("a card for " + e.id(), () -> robot.lookup("#example-" + e.id()).tryQuery().isPresent());
        }
        // a card on the first row (later rows may need scrolling), other than the ring8 already open
        Examples.Example pick = bundled.stream().filter(e -> !e.id().equals("ring8")).findFirst().orElseThrow();
        click(robot, "#open-" + pick.id());
        waitUntil(pick.id() + " opened", () -> pick.id().equals(main.document().exampleProperty().get())
                && main.busyProperty().get() == 0);
        assertEquals(pick.iterations(), (long) fx(() -> main.iterationProperty().get()));
        assertEquals(pick.dataset(), fx(() -> main.datasetNameProperty().get()));
        assertNull(fx(() -> main.document().file()), "an example is untitled: Save asks where");
        assertTrue(fx(() -> main.document().titleBinding().get()).contains("from example " + pick.id()));
    }

    @Test
    void anExampleOverUnsavedModelsAsksOnceAndOpens(FxRobot robot) {
        List<Examples.Example> bundled = Examples.list();
        Assumptions.assumeFalse(bundled.isEmpty(), "this build bundles no examples");
        Examples.Example pick = bundled.stream().filter(e -> !e.id().equals("ring8")).findFirst().orElseThrow();
        waitLoaded(main, "ring8");
        trainTo(3);
        assertTrue(fx(() -> main.document().isDirty()));
        robot.interact(() -> window.showExamples());
        waitUntil("cards", () -> robot.lookup("#open-" + pick.id()).tryQuery().isPresent());

        click(robot, "#open-" + pick.id());
        waitUntil("the unsaved-changes question", () -> robot.lookup("#unsavedDiscard").tryQuery().isPresent());
        click(robot, "#unsavedDiscard");
        try {
            waitUntil(pick.id() + " opened", () -> pick.id().equals(main.document().exampleProperty().get())
                    && main.busyProperty().get() == 0);
            assertTrue(robot.lookup("#unsavedDiscard").tryQuery().isEmpty(),
                    "one click, one question: no second one left open over the opened example");
        } finally {
            // a second question would hold a nested event loop open for the tests that follow
            while (robot.lookup("#unsavedCancel").tryQuery().isPresent()) {
                click(robot, "#unsavedCancel");
            }
        }
        assertEquals(pick.iterations(), (long) fx(() -> main.iterationProperty().get()));
    }

    @Test
    void exportsWriteThePictureTheChainAndTheCurves(FxRobot robot) throws Exception {
        waitLoaded(main, "ring8");
        trainTo(2);
        waitUntil("samples drawn", () -> window.page(TrainingPage.class).viewModel().samplesProperty().get() != null);
        Path png = tmp.resolve("view.png");
        assertNull(await(() -> window.exportActions().writePng(png)));
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "a readable PNG");
        assertTrue(img.getWidth() > 400 && img.getHeight() > 300, img.getWidth() + "x" + img.getHeight());
        assertTrue(fx(() -> main.messageProperty().get()).contains(png.toString()), "the status bar names the file");

        Path curves = tmp.resolve("curves.csv");
        assertNull(await(() -> window.exportActions().writeCurves(curves, window.page(TrainingPage.class).viewModel().history())));
        List<String> lines = Files.readAllLines(curves);
        assertTrue(lines.get(0).startsWith("iteration,"), lines.get(0));
        assertEquals(3, lines.size(), "a header and one row per iteration");

        robot.interact(() -> window.select(XRevisionPage.ID));
        waitUntil("x-chains", () -> window.page(XRevisionPage.class).viewModel().resultProperty().get() != null);
        assertTrue(fx(() -> window.exportActions().hasChain()));
        var chain = fx(() -> new dualmcmc.app.export.ExportActions.Chain(
                window.page(XRevisionPage.class).viewModel().resultProperty().get().trace(), null));
        Path gif = tmp.resolve("chain.gif");
        assertNull(await(() -> window.exportActions().writeGif(gif, chain)));
        assertEquals("GIF89a", new String(Files.readAllBytes(gif), 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
        Path csv = tmp.resolve("profile.csv");
        assertNull(await(() -> window.exportActions().writeChainCsv(csv, chain)));
        assertEquals(chain.trace().steps() + 2, Files.readAllLines(csv).size());
    }

    @Test
    void autosaveWritesEveryNIterationsAndKeepsTheNewest() throws Exception {
        waitLoaded(main, "ring8");
        Path dir = tmp.resolve("autosave");
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        fx(() -> {
            main.autosaveProperty().set(new AutosaveSettings(true, 2, 2, dir));
            main.messageProperty().addListener((o, a, b) -> messages.add(b));
            return null;
        });
        trainTo(6);
        waitUntil("autosave reported in the status bar",
                () -> messages.stream().anyMatch(m -> m.startsWith("Autosaved iteration 6 to ")));
        try (var files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), "the newest two are kept: " + names);
            assertTrue(names.get(1).contains("6"), names.toString());
        }
    }

    @Test
    void aBadImportNamesTheFolderAndAGoodOneBecomesCurrentInColour() throws Exception {
        waitLoaded(main, "ring8");
        Path empty = Files.createDirectories(tmp.resolve("no-pictures"));
        Throwable failure = await(() -> main.load("images", empty));
        assertNotNull(failure);
        assertTrue(fx(() -> main.alertProperty().get()).contains("no-pictures"), fx(() -> main.alertProperty().get()));
        assertEquals("ring8", fx(() -> main.dataProperty().get().name()), "the current data set stays");

        Path pics = Files.createDirectories(tmp.resolve("squares"));
        Random r = new Random(2);
        for (int i = 0; i < 12; i++) {
            BufferedImage b = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
            int c = r.nextInt(0xffffff);
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 40; x++) {
                    b.setRGB(x, y, (x / 10 + y / 10) % 2 == 0 ? c : 0xffffff - c);
                }
            }
            ImageIO.write(b, "png", pics.resolve("p" + i + ".png").toFile());
        }
        assertNull(await(() -> main.load("images", pics)));
        DataInfo info = fx(() -> main.dataProperty().get());
        assertEquals("images", info.name());
        assertEquals(3, info.channels(), "colour pictures stay colour");
        assertEquals("images (squares)", fx(() -> window.lookup("#datasetBox") instanceof javafx.scene.control.ComboBox<?> c
                ? String.valueOf(c.getValue()) : ""));
        assertEquals(pics, fx(() -> main.dataDirProperty().get()));
        Node grid = fx(() -> window.lookup("#dataGrid"));
        assertNotNull(grid);
    }
}
