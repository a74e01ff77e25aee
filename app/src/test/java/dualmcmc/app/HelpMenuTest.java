package dualmcmc.app;

import dualmcmc.app.help.HelpMenu;
import dualmcmc.app.help.ShortcutsDialog;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help's dialogs open with their content, and its links go to the paper and the authors' code. */
class HelpMenuTest extends WindowTest {
    private final List<String> opened = new ArrayList<>();

    @Override
    protected void started(Stage stage) {
        window.setBrowser(opened::add);
    }

    @BeforeEach
    void loaded() {
        // a model still loading when the test ends would be disposed under its background tasks
        FxTestSupport.waitLoaded(main, "ring8");
    }

    private MenuItem item(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").query();
        return FxTestSupport.fx(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow());
    }

    private Node shown(FxRobot robot, String id) {
        FxTestSupport.waitUntil(id + " shown", () -> robot.lookup(id).tryQuery().isPresent());
        return robot.lookup(id).query();
    }

    @Test
    void aboutNamesTheVersionAndTheBundledDataLicences(FxRobot robot) {
        MenuItem about = item(robot, "menuAbout");
        FxTestSupport.fx(() -> {
            about.fire();
            return null;
        });
        shown(robot, "#aboutDialog");
        assertTrue(FxTestSupport.fx(() -> robot.lookup("#aboutVersion").<Label>query().getText())
                .startsWith("Version "));
        String licences = FxTestSupport.fx(() -> robot.lookup("#aboutLicences").<TextArea>query().getText());
        assertTrue(licences.contains("Fashion-MNIST") && licences.contains("MIT"), licences);
        assertTrue(licences.contains("CC BY 4.0") && licences.contains("OpenJFX"), licences);
    }

    @Test
    void f1ShowsEveryMenuShortcut(FxRobot robot) {
        robot.type(KeyCode.F1);
        shown(robot, "#shortcutsDialog");
        List<String> keys = FxTestSupport.fx(() -> ShortcutsDialog.collect(robot.lookup("#menuBar").query())
                .stream().map(s -> s.keys() + " " + s.action()).toList());
        assertTrue(keys.stream().anyMatch(k -> k.contains("S") && k.endsWith("File \u203a Save")), keys.toString());
        assertTrue(keys.stream().anyMatch(k -> k.endsWith("View \u203a Latent map")), keys.toString());
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("Space")), keys.toString());
        int rows = FxTestSupport.fx(() -> ((javafx.scene.layout.GridPane) robot.lookup("#shortcutsTable").query())
                .getChildren().size() / 2);
        assertEquals(keys.size(), rows);
    }

    /** Every piece of text under {@code n}, in order. */
    private static String textOf(javafx.scene.Node n) {
        if (n instanceof javafx.scene.text.Text t) {
            return t.getText();
        }
        if (n instanceof javafx.scene.control.Labeled l) {
            return l.getText() + "\n";
        }
        if (n instanceof javafx.scene.Parent p) {
            StringBuilder sb = new StringBuilder();
            p.getChildrenUnmodifiable().forEach(c -> sb.append(textOf(c)));
            return sb.toString();
        }
        return "";
    }

    @Test
    void theMethodDocumentIsBundledAndTheLinksGoToThePaperAndCode(FxRobot robot) {
        MenuItem method = item(robot, "menuMethod");
        FxTestSupport.fx(() -> {
            method.fire();
            return null;
        });
        shown(robot, "#methodText");
        String first = FxTestSupport.fx(() -> ((Label) ((javafx.scene.layout.VBox) robot.lookup("#methodText")
                .query()).getChildren().get(0)).getText());
        assertEquals("The method this program implements", first);
        // laid out, not shown as Markdown source: tables are grids, links are links, no ** or | left
        List<javafx.scene.Node> blocks = FxTestSupport.fx(() -> List.copyOf(((javafx.scene.layout.VBox) robot
                .lookup("#methodText").query()).getChildren()));
        assertTrue(blocks.stream().filter(b -> b instanceof javafx.scene.layout.GridPane).count() >= 2, "tables");
        String all = FxTestSupport.fx(() -> robot.lookup("#methodText").queryAll().stream().findFirst()
                .map(HelpMenuTest::textOf).orElse(""));
        assertTrue(all.contains("Dual-MCMC teaching adds two helpers. A generator g(z)"), all);
        assertFalse(all.contains("**") || all.contains("| ---") || all.contains("]("), all);
        assertTrue(FxTestSupport.fx(() -> robot.lookup("#methodText .hyperlink").queryAll().size()) >= 2, "links");
        FxTestSupport.fx(() -> {
            item(robot, "menuPaper").fire();
            item(robot, "menuAuthorsCode").fire();
            return null;
        });
        assertEquals(List.of(HelpMenu.PAPER, HelpMenu.AUTHORS_CODE), opened);
        assertTrue(FxTestSupport.fx(() -> main.messageProperty().get()).contains(HelpMenu.AUTHORS_CODE));
    }
}
