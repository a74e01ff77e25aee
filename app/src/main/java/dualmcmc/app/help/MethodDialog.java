package dualmcmc.app.help;

import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * Help > Method document: docs/method.md, bundled in the jar, shown as paragraphs with its headings
 * set apart. Tables and formulas stay as written: the document is plain enough to read that way.
 */
public final class MethodDialog {
    private MethodDialog() {
    }

    /** The document split into blocks: headings (level, text) and paragraphs (level 0). */
    record Block(int level, String text) {
    }

    static List<Block> blocks(String markdown) {
        List<Block> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (String line : markdown.split("\n")) {
            boolean heading = line.startsWith("#");
            if (line.isBlank() || heading || line.startsWith("|") != para.toString().startsWith("|")) {
                flush(para, out);
            }
            if (heading) {
                int level = line.indexOf(' ');
                out.add(new Block(Math.max(level, 1), line.substring(level + 1).trim()));
            } else if (!line.isBlank()) {
                // prose lines join into one wrapped paragraph; table rows keep their breaks
                para.append(para.length() == 0 ? "" : line.startsWith("|") ? "\n" : " ").append(line.strip());
            }
        }
        flush(para, out);
        return out;
    }

    private static void flush(StringBuilder para, List<Block> out) {
        if (para.length() > 0) {
            out.add(new Block(0, para.toString()));
            para.setLength(0);
        }
    }

    public static Dialog<Void> create(Window owner) {
        VBox body = new VBox(10);
        body.setId("methodText");
        body.getStyleClass().add("method-document");
        for (Block b : blocks(HelpDialogs.resource("method.md"))) {
            Label l = new Label(b.text());
            l.setWrapText(true);
            l.setMaxWidth(720);
            if (b.level() > 0) {
                l.getStyleClass().add(b.level() == 1 ? "method-title" : "view-title");
            } else if (b.text().startsWith("|")) {
                l.getStyleClass().add("method-table");
            }
            body.getChildren().add(l);
        }
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(780, 620);
        return HelpDialogs.create(owner, "The method: dual-MCMC teaching", "methodDialog", scroll);
    }
}
