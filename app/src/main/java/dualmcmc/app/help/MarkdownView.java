package dualmcmc.app.help;

import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Markdown document laid out as JavaFX nodes: headings, paragraphs with bold, italic, code and
 * links (which open in the browser), lists, code blocks and tables. Enough for the project's own
 * documents; CommonMark does the parsing.
 */
final class MarkdownView {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final double WIDTH = 720;
    private final Consumer<String> browser;

    private MarkdownView(Consumer<String> browser) {
        this.browser = browser;
    }

    /** The blocks of {@code markdown}, in order, for a VBox. */
    static List<Node> render(String markdown, Consumer<String> browser) {
        MarkdownView v = new MarkdownView(browser);
        List<Node> out = new ArrayList<>();
        for (org.commonmark.node.Node b = PARSER.parse(markdown).getFirstChild(); b != null; b = b.getNext()) {
            out.add(v.block(b));
        }
        return out;
    }

    private Node block(org.commonmark.node.Node b) {
        if (b instanceof Heading h) {
            Label l = new Label(plainText(h));
            l.setWrapText(true);
            l.setMaxWidth(WIDTH);
            l.getStyleClass().add(h.getLevel() == 1 ? "method-title" : "view-title");
            return l;
        }
        if (b instanceof FencedCodeBlock f) {
            return code(f.getLiteral());
        }
        if (b instanceof IndentedCodeBlock c) {
            return code(c.getLiteral());
        }
        if (b instanceof BulletList || b instanceof OrderedList) {
            VBox items = new VBox(4);
            int n = b instanceof OrderedList o ? o.getStartNumber() : 0;
            for (org.commonmark.node.Node i = b.getFirstChild(); i != null; i = i.getNext()) {
                TextFlow flow = new TextFlow(new Text(b instanceof OrderedList ? (n++) + ". " : "\u2022 "));
                for (org.commonmark.node.Node p = i.getFirstChild(); p != null; p = p.getNext()) {
                    inlines(p, flow, "");
                }
                flow.setMaxWidth(WIDTH);
                items.getChildren().add(flow);
            }
            items.setPadding(new javafx.geometry.Insets(0, 0, 0, 12));
            return items;
        }
        if (b instanceof TableBlock t) {
            return table(t);
        }
        TextFlow flow = new TextFlow();
        inlines(b, flow, "");
        flow.setMaxWidth(WIDTH);
        return flow;
    }

    private static Label code(String literal) {
        Label l = new Label(literal.stripTrailing());
        l.setWrapText(true);
        l.setMaxWidth(WIDTH);
        l.getStyleClass().add("method-code");
        return l;
    }

    private GridPane table(TableBlock t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("method-grid");
        int row = 0;
        for (org.commonmark.node.Node section = t.getFirstChild(); section != null; section = section.getNext()) {
            for (org.commonmark.node.Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) {
                    continue;
                }
                int col = 0;
                for (org.commonmark.node.Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    TextFlow cell = new TextFlow();
                    inlines(c, cell, c instanceof TableCell tc && tc.isHeader() ? "method-strong" : "");
                    cell.getStyleClass().add("method-cell");
                    cell.setMaxWidth(WIDTH / 2);
                    // the first column names things (a model, a setting): a word must not break
                    cell.setMinWidth(col == 0 ? 110 : 60);
                    grid.add(cell, col++, row);
                }
                row++;
            }
        }
        return grid;
    }

    /** The inline content of {@code parent} into {@code flow}, each run styled by {@code style} and its own marks. */
    private void inlines(org.commonmark.node.Node parent, TextFlow flow, String style) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                flow.getChildren().add(text(t.getLiteral(), style));
            } else if (n instanceof Code c) {
                flow.getChildren().add(text(c.getLiteral(), "method-inline-code"));
            } else if (n instanceof StrongEmphasis) {
                inlines(n, flow, "method-strong");
            } else if (n instanceof Emphasis) {
                inlines(n, flow, "method-emphasis");
            } else if (n instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", style));
            } else if (n instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", style));
            } else if (n instanceof Link l) {
                Hyperlink h = new Hyperlink(plainText(l));
                h.setOnAction(e -> browser.accept(l.getDestination()));
                flow.getChildren().add(h);
            } else if (n instanceof Paragraph) {
                inlines(n, flow, style);
            } else {
                inlines(n, flow, style);
            }
        }
    }

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add("method-text");
        if (!style.isEmpty()) {
            t.getStyleClass().add(style);
        }
        return t;
    }

    /** The text of a node's inline content, marks dropped (headings, link labels). */
    static String plainText(org.commonmark.node.Node node) {
        StringBuilder sb = new StringBuilder();
        for (org.commonmark.node.Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                sb.append(t.getLiteral());
            } else if (n instanceof Code c) {
                sb.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                sb.append(' ');
            } else {
                sb.append(plainText(n));
            }
        }
        return sb.toString();
    }
}
